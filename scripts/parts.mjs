// The file name of a part of the article texts, for the build's scripts: build.rs writes the
// parts of a large corpus and crates/corpus/src/codec.rs names them by a hash of their content.
export const PART_NAME = "texts-[0-9a-f]{16}\\.bin";

/** Whether `name` is the file name of a part. */
export const isPart = (name) => new RegExp(`^${PART_NAME}$`).test(name);
