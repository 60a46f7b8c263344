/* jsonread.h: read one JSON object (a line of JSON Lines) into flat members. */
#ifndef KHOBOR_JSONREAD_H
#define KHOBOR_JSONREAD_H

#include "util.h"

enum jtype { J_STRING, J_NUMBER, J_BOOL, J_NULL, J_ARRAY, J_OBJECT };

struct jmember {
	char *key;
	enum jtype type;
	char **item;		/* the value as text; an array of scalars has several */
	size_t nitem;
};

struct jobject {
	struct jmember *m;
	size_t n, cap;
	size_t nuls;		/* \u0000 escapes read, written as U+FFFD */
};

/*
 * Parse the JSON text S (RFC 8259) which must be one object.  Members whose
 * value is a scalar get it as text (strings decoded, numbers as written,
 * true/false, null as "").  An array of scalars gives one item per element;
 * a nested object or an array holding objects or arrays gives its JSON text
 * as the only item.  A \u0000 escape becomes U+FFFD (a C string cannot
 * hold NUL) and is counted in obj->nuls.  Returns 0, or -1 with *err set and *pos at the byte
 * where the text stopped making sense.
 */
int json_read_object(const char *s, size_t n, struct jobject *obj, const char **err, size_t *pos);
void jobject_clear(struct jobject *obj);
const struct jmember *jobject_get(const struct jobject *obj, const char *key);

#endif
