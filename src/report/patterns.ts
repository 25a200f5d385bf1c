/** The characters HTML text and attribute values must escape (one character class: linear time). */
export const HTML_SPECIAL = /[&<>"']/g;
