// Package yamlkit reads YAML the way every persona file is read: a fast
// parser for the plain blocks people write (held to yaml.v3 by a fuzz
// target), yaml.v3 for the rest with U+2028/U+2029/U+0085 kept inside
// lines, checks of a parsed tree (repeated and merge keys, alias bombs),
// yaml.v3's errors explained in words, and the byte order marks and UTF-16
// editors write. The front matter decoder and the config reader build on
// it.
package yamlkit
