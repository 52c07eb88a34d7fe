/* The compiled writer of turkicorg's meetings: the JSON the generated writer in
 * turkicorg.serialize.fastwrite gives, byte for byte, written in C from the objects' slots.
 *
 * It knows nothing of the model: turkicorg hands it the field table when it makes a writer.
 * A value it does not expect (a wrong type, an unset slot, a subclass, text that is not
 * Unicode) makes a call return None, and turkicorg then writes with its pure writer; so the
 * output is the pure writer's or nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

enum {
    K_TEXT = 0,
    K_OPTIONAL_TEXT = 1,
    K_OPTIONAL_INT = 2,
    K_CHOICE = 3,
    K_DATE = 4,
    K_OPTIONAL_DATE = 5,
    K_OPTIONAL_PLACE = 6,
    K_PARTICIPANTS = 7,
    K_TEXTS = 8,
    K_ALTERNATIVES = 9,
};

#define DECLINE (-2) /* a value this writer does not expect: the call returns None */
#define MAX_FIELDS 64
#define MAX_CHOICES 32
#define MAX_KEPT 8
#define MAX_PROBES 32
#define SHORT_TEXT 8

/* The fields the quick check of a meeting asks about, in the order turkicorg names them. */
enum {
    P_ID,
    P_TITLE,
    P_START,
    P_END,
    P_ORDINAL,
    P_FORMAT,
    P_PLACE,
    P_KIND,
    P_PARTICIPANTS,
    P_SOURCES,
    P_ALTERNATIVES,
    N_PLAIN,
};

typedef struct {
    Py_ssize_t offset;   /* of the slot in the object */
    const char *key;     /* "name": (UTF-8, owned by the key object) */
    Py_ssize_t key_len;
    int kind;
    int required;
    int record;          /* a nested object's field: left out unless ``value != default`` */
    PyObject *default_;  /* borrowed from the writer's spec tuple */
    PyObject *choices;   /* owned copy of the dict member -> JSON text, or NULL */
    int n_members;
    PyObject *members[MAX_CHOICES];   /* the choice members, looked up by identity first */
    const char *texts[MAX_CHOICES];
    Py_ssize_t text_lens[MAX_CHOICES];
} Field;

typedef struct {
    PyTypeObject *type;
    int n;
    Field fields[MAX_FIELDS];
} Layout;

typedef struct {
    PyObject_HEAD
    PyObject *spec;      /* everything borrowed below is kept alive by this */
    Layout meeting, place, participant, alternative;
    PyTypeObject *date_type;
    Py_ssize_t year_offset, month_offset, day_offset;
    PyObject *fails;     /* the exceptions that mean "decline" */
} Writer;

/* The output: a bytes object grown as it is written and cut to length at the end, so the
 * text is never held twice (large blocks are grown in place where the allocator can). */
typedef struct {
    PyObject *bytes;
    char *data;
    Py_ssize_t len, cap;
} Buffer;

static int
grow(Buffer *b, Py_ssize_t more)
{
    if (b->len + more <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more) {
        if (cap > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            return -1;
        }
        cap += cap / 2;
    }
    if (b->bytes == NULL) {
        b->bytes = PyBytes_FromStringAndSize(NULL, cap);
        if (b->bytes == NULL) {
            return -1;
        }
    }
    else if (_PyBytes_Resize(&b->bytes, cap) < 0) {
        return -1; /* b->bytes is NULL then */
    }
    b->data = PyBytes_AS_STRING(b->bytes);
    b->cap = cap;
    return 0;
}

static inline int
put(Buffer *b, const char *s, Py_ssize_t n)
{
    if (grow(b, n) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

static inline int
put_char(Buffer *b, char c)
{
    if (grow(b, 1) < 0) {
        return -1;
    }
    b->data[b->len++] = c;
    return 0;
}

static const char HEX[] = "0123456789abcdef";

/* Whether an ASCII character is written escaped in a JSON string: the quote, the backslash
 * and the control characters (json.encoder.encode_basestring). */
static char ESCAPED[128];

static inline char *
put_escaped(char *out, Py_UCS4 c)
{
    *out++ = '\\';
    switch (c) {
    case '"': *out++ = '"'; break;
    case '\\': *out++ = '\\'; break;
    case '\b': *out++ = 'b'; break;
    case '\f': *out++ = 'f'; break;
    case '\n': *out++ = 'n'; break;
    case '\r': *out++ = 'r'; break;
    case '\t': *out++ = 't'; break;
    default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = HEX[(c >> 4) & 0xF];
        *out++ = HEX[c & 0xF];
    }
    return out;
}

/* A JSON string, as json.encoder.encode_basestring writes it, in UTF-8. */
static int
put_text(Buffer *b, PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) {
        return DECLINE;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    /* at most 6 bytes a character (\u00XX), and the quotes */
    if (grow(b, 6 * n + 2) < 0) {
        return -1;
    }
    char *out = b->data + b->len;
    *out++ = '"';
    if (PyUnicode_IS_ASCII(s)) {
        const unsigned char *data = PyUnicode_1BYTE_DATA(s);
        Py_ssize_t run = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (ESCAPED[data[i]]) {
                memcpy(out, data + run, (size_t)(i - run));
                out = put_escaped(out + (i - run), data[i]);
                run = i + 1;
            }
        }
        memcpy(out, data + run, (size_t)(n - run));
        out += n - run;
    }
    else {
        int kind = PyUnicode_KIND(s);
        const void *data = PyUnicode_DATA(s);
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < 0x80) {
                if (ESCAPED[c]) {
                    out = put_escaped(out, c);
                }
                else {
                    *out++ = (char)c;
                }
            }
            else if (c < 0x800) {
                *out++ = (char)(0xC0 | (c >> 6));
                *out++ = (char)(0x80 | (c & 0x3F));
            }
            else if (c < 0x10000) {
                if (c >= 0xD800 && c <= 0xDFFF) {
                    return DECLINE; /* a lone surrogate: not Unicode */
                }
                *out++ = (char)(0xE0 | (c >> 12));
                *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
                *out++ = (char)(0x80 | (c & 0x3F));
            }
            else {
                *out++ = (char)(0xF0 | (c >> 18));
                *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
                *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
                *out++ = (char)(0x80 | (c & 0x3F));
            }
        }
    }
    *out++ = '"';
    b->len = out - b->data;
    return 0;
}

/* An object's slot, or NULL (unset). */
static inline PyObject *
slot(PyObject *obj, Py_ssize_t offset)
{
    return *(PyObject **)((char *)obj + offset);
}

/* 1: the value is its field's default (the field is left out); 0: it is not; <0: error.
 * As the pure writer decides: a meeting's field is left out when it ``is None`` (a default
 * of None) or ``== default``; a nested object's when not ``value != default``. */
static inline int
is_default(const Field *f, PyObject *v)
{
    if (f->required) {
        return 0;
    }
    if (f->record) {
        int r = PyObject_RichCompareBool(v, f->default_, Py_NE);
        return r < 0 ? -1 : !r;
    }
    if (f->default_ == Py_None) {
        return v == Py_None;
    }
    return PyObject_RichCompareBool(v, f->default_, Py_EQ);
}

static int
put_texts(Buffer *b, PyObject *v)
{
    if (!PyTuple_CheckExact(v)) {
        return DECLINE;
    }
    if (put_char(b, '[') < 0) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(v);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i && put_char(b, ',') < 0) {
            return -1;
        }
        int r = put_text(b, PyTuple_GET_ITEM(v, i));
        if (r) {
            return r;
        }
    }
    return put_char(b, ']');
}

/* Writes ``,"name":value`` (no comma first) unless the value is its field's default. */
static int
put_key(Buffer *b, const Field *f, PyObject *v, int *first)
{
    int d = is_default(f, v);
    if (d) {
        return d < 0 ? -1 : 1; /* 1: left out */
    }
    if (!*first && put_char(b, ',') < 0) {
        return -1;
    }
    *first = 0;
    return put(b, f->key, f->key_len);
}

static int
put_record_field(Buffer *b, const Field *f, PyObject *v, int *first)
{
    int r = put_key(b, f, v, first);
    if (r) {
        return r < 0 ? -1 : 0;
    }
    return f->kind == K_TEXTS ? put_texts(b, v) : put_text(b, v);
}

/* The nested objects written in one call, by identity: where their text is in the buffer.
 * Each object is kept (a reference) until the call ends, so no other can take its address.
 * Open addressing, linear probing, at most half full. */
typedef struct {
    PyObject *key;
    Py_ssize_t start, len;
} Seen;

typedef struct {
    Seen *slots;
    size_t mask, used;
} Table;

static inline size_t
hash_ptr(PyObject *p)
{
    size_t h = (size_t)p >> 4;
    return h ^ (h >> 16);
}

static int
table_grow(Table *t)
{
    size_t size = t->slots ? 2 * (t->mask + 1) : 64;
    Seen *slots = PyMem_Calloc(size, sizeof(Seen));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t i = 0; t->slots && i <= t->mask; i++) {
        if (t->slots[i].key != NULL) {
            size_t j = hash_ptr(t->slots[i].key) & (size - 1);
            while (slots[j].key != NULL) {
                j = (j + 1) & (size - 1);
            }
            slots[j] = t->slots[i];
        }
    }
    PyMem_Free(t->slots);
    t->slots = slots;
    t->mask = size - 1;
    return 0;
}

static void
table_free(Table *t)
{
    for (size_t i = 0; t->slots && i <= t->mask; i++) {
        Py_XDECREF(t->slots[i].key);
    }
    PyMem_Free(t->slots);
}

static int put_record(Buffer *b, const Writer *w, const Layout *layout, PyObject *obj);

/* A nested object written once a call: later, its text is copied from where it was written. */
static int
put_shared(Buffer *b, const Writer *w, const Layout *layout, PyObject *obj, Table *t)
{
    if (2 * (t->used + 1) > (t->slots ? t->mask + 1 : 0) && table_grow(t) < 0) {
        return -1;
    }
    size_t j = hash_ptr(obj) & t->mask;
    while (t->slots[j].key != NULL) {
        if (t->slots[j].key == obj) {
            Seen *seen = &t->slots[j];
            if (grow(b, seen->len) < 0) {
                return -1;
            }
            memcpy(b->data + b->len, b->data + seen->start, (size_t)seen->len);
            b->len += seen->len;
            return 0;
        }
        j = (j + 1) & t->mask;
    }
    Py_ssize_t start = b->len;
    int r = put_record(b, w, layout, obj);
    if (r) {
        return r;
    }
    t->slots[j].key = Py_NewRef(obj); /* kept: no other object takes its address */
    t->slots[j].start = start;
    t->slots[j].len = b->len - start;
    t->used++;
    return 0;
}

static int
put_date(Buffer *b, const Writer *w, PyObject *v)
{
    if (Py_TYPE(v) != w->date_type) {
        return DECLINE;
    }
    PyObject *year = slot(v, w->year_offset);
    PyObject *month = slot(v, w->month_offset);
    PyObject *day = slot(v, w->day_offset);
    if (year == NULL || month == NULL || day == NULL || !PyLong_CheckExact(year)) {
        return DECLINE;
    }
    long y = PyLong_AsLong(year), m = 0, d = 0;
    if (y == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return DECLINE;
    }
    if (y < 1 || y > 9999) {
        return DECLINE;
    }
    if (month != Py_None) {
        if (!PyLong_CheckExact(month)) {
            return DECLINE;
        }
        m = PyLong_AsLong(month);
        if (m < 1 || m > 12) {
            PyErr_Clear();
            return DECLINE;
        }
    }
    if (day != Py_None) {
        if (m == 0 || !PyLong_CheckExact(day)) {
            return DECLINE;
        }
        d = PyLong_AsLong(day);
        if (d < 1 || d > 31) {
            PyErr_Clear();
            return DECLINE;
        }
    }
    char text[12] = {'"', (char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                     (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
                     (char)('0' + m / 10), (char)('0' + m % 10), '-',
                     (char)('0' + d / 10), (char)('0' + d % 10), '"'};
    if (d) {
        return put(b, text, 12); /* "YYYY-MM-DD" */
    }
    text[m ? 8 : 5] = '"'; /* "YYYY-MM" or "YYYY" */
    return put(b, text, m ? 9 : 6);
}

/* An integer, as int.__repr__ writes it. */
static int
put_int(Buffer *b, PyObject *v)
{
    if (!PyLong_CheckExact(v)) {
        return DECLINE;
    }
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) { /* past 64 bits: Python's own digits (a ValueError past its limit) */
        PyObject *text = PyLong_Type.tp_repr(v);
        if (text == NULL) {
            return -1;
        }
        int r = put(b, (const char *)PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text));
        Py_DECREF(text);
        return r;
    }
    char text[24], *end = text + sizeof text, *p = end;
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (x < 0) {
        *--p = '-';
    }
    return put(b, p, end - p);
}

static int
put_choice(Buffer *b, const Field *f, PyObject *v)
{
    for (int i = 0; i < f->n_members; i++) {
        if (f->members[i] == v) {
            return put(b, f->texts[i], f->text_lens[i]);
        }
    }
    PyObject *text = PyDict_GetItemWithError(f->choices, v);
    if (text == NULL) {
        return PyErr_Occurred() ? -1 : DECLINE;
    }
    if (!PyUnicode_CheckExact(text) || !PyUnicode_IS_ASCII(text)) {
        return DECLINE;
    }
    return put(b, (const char *)PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text));
}

static int
put_meeting_field(Buffer *b, const Writer *w, const Field *f, PyObject *v, int *first,
                  Table *places, Table *people)
{
    int r = put_key(b, f, v, first);
    if (r) {
        return r < 0 ? -1 : 0;
    }
    switch (f->kind) {
    case K_TEXT:
    case K_OPTIONAL_TEXT:
        r = put_text(b, v);
        break;
    case K_OPTIONAL_INT:
        r = put_int(b, v);
        break;
    case K_CHOICE:
        r = put_choice(b, f, v);
        break;
    case K_DATE:
    case K_OPTIONAL_DATE:
        r = put_date(b, w, v);
        break;
    case K_OPTIONAL_PLACE:
        r = put_shared(b, w, &w->place, v, places);
        break;
    case K_TEXTS:
        r = put_texts(b, v);
        break;
    case K_PARTICIPANTS:
    case K_ALTERNATIVES: {
        if (!PyTuple_CheckExact(v)) {
            return DECLINE;
        }
        if (put_char(b, '[') < 0) {
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        for (Py_ssize_t j = 0; j < n && !r; j++) {
            if (j && put_char(b, ',') < 0) {
                return -1;
            }
            PyObject *item = PyTuple_GET_ITEM(v, j);
            r = f->kind == K_PARTICIPANTS ? put_shared(b, w, &w->participant, item, people)
                                          : put_record(b, w, &w->alternative, item);
        }
        if (!r) {
            r = put_char(b, ']');
        }
        break;
    }
    default:
        return DECLINE;
    }
    return r;
}

/* An object of a layout: a meeting, or a nested object (``record``: place, participant,
 * alternative; text, optional text and texts only, no tables). Inlined into the two below,
 * each with ``record`` a constant. */
static inline Py_ALWAYS_INLINE int
put_object(Buffer *b, const Writer *w, const Layout *layout, PyObject *obj, Table *places,
           Table *people, const int record)
{
    if (Py_TYPE(obj) != layout->type) {
        return DECLINE;
    }
    if (put_char(b, '{') < 0) {
        return -1;
    }
    int first = 1;
    for (int i = 0; i < layout->n; i++) {
        const Field *f = &layout->fields[i];
        PyObject *v = slot(obj, f->offset);
        if (v == NULL) {
            return DECLINE;
        }
        Py_INCREF(v); /* held while written: a comparison may run Python code */
        int r = record ? put_record_field(b, f, v, &first)
                       : put_meeting_field(b, w, f, v, &first, places, people);
        Py_DECREF(v);
        if (r) {
            return r;
        }
    }
    return put_char(b, '}');
}

static int
put_record(Buffer *b, const Writer *w, const Layout *layout, PyObject *obj)
{
    return put_object(b, w, layout, obj, NULL, NULL, 1);
}

static int
put_meeting(Buffer *b, const Writer *w, PyObject *obj, Table *places, Table *people)
{
    return put_object(b, w, &w->meeting, obj, places, people, 0);
}

/* Writer(meetings, head=b"", tail=b"") -> bytes | None: the meetings' JSON joined with
 * commas, after head and before tail (a document's envelope), in one buffer: the document's
 * text is never copied. */
static PyObject *
Writer_call(Writer *self, PyObject *args, PyObject *kwargs)
{
    PyObject *meetings;
    const char *head = "", *tail = "";
    Py_ssize_t head_len = 0, tail_len = 0;
    if (!PyArg_ParseTuple(args, "O|y#y#:write", &meetings, &head, &head_len, &tail, &tail_len)) {
        return NULL;
    }
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "write() takes no keyword arguments");
        return NULL;
    }
    PyObject *seq = PySequence_Tuple(meetings); /* a list could change under a comparison */
    if (seq == NULL) {
        if (PyErr_ExceptionMatches(self->fails)) {
            PyErr_Clear(); /* as the pure writer: iterating failed */
            Py_RETURN_NONE;
        }
        return NULL;
    }
    Table places = {NULL, 0, 0}, people = {NULL, 0, 0};
    Buffer b = {NULL, NULL, 0, 0};
    int r = head_len ? put(&b, head, head_len) : 0;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n && !r; i++) {
        if (i && put_char(&b, ',') < 0) {
            r = -1;
            break;
        }
        r = put_meeting(&b, self, PyTuple_GET_ITEM(seq, i), &places, &people);
    }
    if (r == 0 && tail_len) {
        r = put(&b, tail, tail_len);
    }
    table_free(&places);
    table_free(&people);
    Py_DECREF(seq);
    if (r == 0) {
        if (b.bytes == NULL) {
            return PyBytes_FromStringAndSize(NULL, 0);
        }
        if (_PyBytes_Resize(&b.bytes, b.len) < 0) {
            return NULL;
        }
        return b.bytes;
    }
    Py_XDECREF(b.bytes);
    if (r == DECLINE) {
        Py_RETURN_NONE;
    }
    if (PyErr_ExceptionMatches(self->fails)) {
        PyErr_Clear(); /* as the pure writer: a value it cannot compare or look up */
        Py_RETURN_NONE;
    }
    return NULL;
}

static int
member_offset(PyTypeObject *type, PyObject *name, Py_ssize_t *offset)
{
    PyObject *d = PyObject_GetAttr((PyObject *)type, name);
    if (d == NULL) {
        return -1;
    }
    int ok = Py_IS_TYPE(d, &PyMemberDescr_Type)
             && ((PyMemberDescrObject *)d)->d_member->type == T_OBJECT_EX
             && PyType_IsSubtype(type, ((PyMemberDescrObject *)d)->d_common.d_type);
    if (ok) {
        *offset = ((PyMemberDescrObject *)d)->d_member->offset;
    }
    Py_DECREF(d);
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%R is not a slot of %R", name, type);
        return -1;
    }
    return 0;
}

/* The offsets of a date class's slots ``year``, ``month`` and ``day``. */
static int
date_offsets(PyTypeObject *type, Py_ssize_t *year, Py_ssize_t *month, Py_ssize_t *day)
{
    const char *names[3] = {"year", "month", "day"};
    Py_ssize_t *offsets[3] = {year, month, day};
    for (int k = 0; k < 3; k++) {
        PyObject *name = PyUnicode_FromString(names[k]);
        int r = name == NULL ? -1 : member_offset(type, name, offsets[k]);
        Py_XDECREF(name);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* layout: (type, ((name, key, kind, required, default, choices or None), ...)); a nested
 * object's (``record``) fields are text, optional text or texts. */
static int
read_layout(Layout *layout, PyObject *spec, int record)
{
    PyTypeObject *type;
    PyObject *fields;
    if (!PyArg_ParseTuple(spec, "O!O!:layout", &PyType_Type, &type, &PyTuple_Type, &fields)) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(fields);
    if (n > MAX_FIELDS) {
        PyErr_SetString(PyExc_ValueError, "too many fields");
        return -1;
    }
    layout->type = type;
    layout->n = (int)n;
    for (Py_ssize_t i = 0; i < n; i++) {
        Field *f = &layout->fields[i];
        PyObject *row = PyTuple_GET_ITEM(fields, i), *name, *key, *choices;
        if (!PyTuple_Check(row)) {
            PyErr_SetString(PyExc_TypeError, "a field must be a tuple");
            return -1;
        }
        if (!PyArg_ParseTuple(row, "UUipOO:field", &name, &key, &f->kind, &f->required,
                              &f->default_, &choices)) {
            return -1;
        }
        f->record = record;
        int known = record ? f->kind == K_TEXT || f->kind == K_OPTIONAL_TEXT || f->kind == K_TEXTS
                           : f->kind >= K_TEXT && f->kind <= K_ALTERNATIVES;
        if (!known) {
            PyErr_Format(PyExc_ValueError, "kind %d is not written here", f->kind);
            return -1;
        }
        if ((f->kind == K_CHOICE) != (choices != Py_None)) {
            PyErr_SetString(PyExc_TypeError, "choices are given for choice fields only");
            return -1;
        }
        if (member_offset(type, name, &f->offset) < 0) {
            return -1;
        }
        f->key = PyUnicode_AsUTF8AndSize(key, &f->key_len);
        if (f->key == NULL) {
            return -1;
        }
        f->choices = NULL;
        f->n_members = 0;
        if (choices != Py_None) {
            if (!PyDict_CheckExact(choices) || PyDict_GET_SIZE(choices) > MAX_CHOICES) {
                PyErr_SetString(PyExc_TypeError, "choices must be a small dict");
                return -1;
            }
            f->choices = PyDict_Copy(choices); /* the caller's dict may change later */
            if (f->choices == NULL) {
                return -1;
            }
            Py_ssize_t pos = 0;
            PyObject *member, *text;
            while (PyDict_Next(f->choices, &pos, &member, &text)) {
                if (!PyUnicode_CheckExact(text) || !PyUnicode_IS_ASCII(text)) {
                    PyErr_SetString(PyExc_TypeError, "a choice's text must be ASCII str");
                    return -1;
                }
                f->members[f->n_members] = member;
                f->texts[f->n_members] = (const char *)PyUnicode_DATA(text);
                f->text_lens[f->n_members] = PyUnicode_GET_LENGTH(text);
                f->n_members++;
            }
        }
    }
    return 0;
}

static PyObject *
Writer_new(PyTypeObject *cls, PyObject *args, PyObject *kwargs)
{
    PyObject *meeting, *place, *participant, *alternative, *fails;
    PyTypeObject *date_type;
    static char *names[] = {"meeting", "place", "participant", "alternative", "date", "fails",
                            NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!O!O!O:Writer", names, &PyTuple_Type,
                                     &meeting, &PyTuple_Type, &place, &PyTuple_Type,
                                     &participant, &PyTuple_Type, &alternative, &PyType_Type,
                                     &date_type, &fails)) {
        return NULL;
    }
    Writer *self = (Writer *)cls->tp_alloc(cls, 0);
    if (self == NULL) {
        return NULL;
    }
    self->spec = Py_BuildValue("(OOOOOO)", meeting, place, participant, alternative, date_type,
                               fails);
    self->fails = Py_NewRef(fails);
    self->date_type = date_type;
    if (self->spec == NULL || read_layout(&self->meeting, meeting, 0) < 0
        || read_layout(&self->place, place, 1) < 0
        || read_layout(&self->participant, participant, 1) < 0
        || read_layout(&self->alternative, alternative, 1) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    if (date_offsets(date_type, &self->year_offset, &self->month_offset, &self->day_offset) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void
Writer_dealloc(Writer *self)
{
    Layout *layouts[] = {&self->meeting, &self->place, &self->participant, &self->alternative};
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < layouts[i]->n; j++) {
            Py_XDECREF(layouts[i]->fields[j].choices);
        }
    }
    Py_XDECREF(self->spec);
    Py_XDECREF(self->fails);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject WriterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_turkicorg_speedups.Writer",
    .tp_doc = PyDoc_STR("Writer(meeting, place, participant, alternative, date, fails): "
                        "call it with meetings (and optional head and tail bytes) to get "
                        "head, their JSON joined with commas, and tail, as bytes, or None "
                        "when it declines."),
    .tp_basicsize = sizeof(Writer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Writer_new,
    .tp_dealloc = (destructor)Writer_dealloc,
    .tp_call = (ternaryfunc)Writer_call,
};

/* ---------------------------------------------------------------------------------------
 * The compiled reader: meetings built from a registry document in the canonical layout
 * (what the writer above writes: no white space, keys in field order), straight from the
 * document's UTF-8 bytes (or ASCII text).
 *
 * It parses the JSON, checks each value as turkicorg's generated reader checks it
 * (turkicorg.serialize.fastread), sets the meeting's slots and calls the model's own
 * ``__attrs_post_init__``. Dates, places, participants and alternatives it does not make
 * itself are made by turkicorg's own functions, which it is given. Anything else declines
 * (the call returns None): white space, keys in another order, escaped surrogates, numbers
 * that are not small integers, ``true`` and ``false``, malformed JSON, any value turkicorg's
 * reader would decline. turkicorg then reads the document with its pure reader, which
 * accepts or reports it; so the result is the pure reader's or nothing.
 * ------------------------------------------------------------------------------------- */

typedef struct {
    Py_ssize_t offset;
    const char *name;    /* UTF-8, owned by the name object in the spec */
    Py_ssize_t name_len;
    int kind;
    int required;
    PyObject *default_;  /* borrowed from the spec */
    PyObject *choices;   /* owned copy of the dict value -> member, or NULL */
    int n_options;       /* the choices as UTF-8 texts (owned by choices' keys); -1: none */
    const char *option_texts[MAX_CHOICES];
    Py_ssize_t option_lens[MAX_CHOICES];
    PyObject *option_members[MAX_CHOICES]; /* borrowed from choices */
} RField;

typedef struct {
    PyObject_HEAD
    PyObject *spec;        /* everything borrowed below is kept alive by this */
    PyTypeObject *type;
    int n;
    RField fields[MAX_FIELDS];
    PyObject *post_init;   /* the class's __attrs_post_init__, or None */
    PyTypeObject *date_type;
    Py_ssize_t year_offset, month_offset, day_offset;
    PyObject *read_date, *place, *participant, *alternatives, *declines;
    int plain;             /* 1: the quick check (below) is on */
    int plain_at[N_PLAIN]; /* the index in fields of each field the quick check asks about */
    PyObject *video, *bilateral; /* borrowed from the spec */
} Reader;

/* Objects by the JSON text they were read from, for one call. A key points into the text
 * being read, which the call keeps alive, so nothing is copied or allocated to look one up.
 * Open addressing with linear probing; FNV-1a hashes; at most half full. */
typedef struct {
    const unsigned char *key;
    Py_ssize_t len;
    uint64_t hash;
    PyObject *value; /* owned; NULL: an empty entry */
} TextEntry;

typedef struct {
    TextEntry *entries;
    Py_ssize_t mask; /* the number of entries less one (a power of two) */
    Py_ssize_t used;
} TextTable;

static uint64_t
text_hash(const unsigned char *s, Py_ssize_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        h = (h ^ s[k]) * 1099511628211ULL;
    }
    return h;
}

/* The entry holding the key, or the empty entry where it would go; NULL after MAX_PROBES
 * entries of other keys (texts made to collide cost a bounded time: what the table does
 * not keep, the call's dicts behind it still share). */
static TextEntry *
table_entry(const TextTable *t, const unsigned char *key, Py_ssize_t len, uint64_t hash)
{
    Py_ssize_t k = (Py_ssize_t)((hash ^ (hash >> 32)) & (uint64_t)t->mask);
    for (int probe = 0; probe < MAX_PROBES; probe++) {
        TextEntry *e = &t->entries[k];
        if (e->value == NULL
            || (e->hash == hash && e->len == len && memcmp(e->key, key, (size_t)len) == 0)) {
            return e;
        }
        k = (k + 1) & t->mask;
    }
    return NULL;
}

/* The object kept for a text (borrowed), or NULL. */
static PyObject *
table_get(const TextTable *t, const unsigned char *key, Py_ssize_t len, uint64_t hash)
{
    TextEntry *e = t->entries == NULL ? NULL : table_entry(t, key, len, hash);
    return e == NULL ? NULL : e->value;
}

/* Keeps a new reference to value for a text not in the table; -1 with MemoryError. */
static int
table_add(TextTable *t, const unsigned char *key, Py_ssize_t len, uint64_t hash, PyObject *value)
{
    if (t->entries == NULL || (t->used + 1) * 2 > t->mask + 1) {
        Py_ssize_t old_size = t->entries == NULL ? 0 : t->mask + 1;
        Py_ssize_t size = old_size == 0 ? 64 : old_size * 2;
        TextEntry *old = t->entries, *fresh = PyMem_Calloc((size_t)size, sizeof(TextEntry));
        if (fresh == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        t->entries = fresh;
        t->mask = size - 1;
        for (Py_ssize_t k = 0; k < old_size; k++) {
            TextEntry *e = old[k].value == NULL
                               ? NULL
                               : table_entry(t, old[k].key, old[k].len, old[k].hash);
            if (e != NULL) {
                *e = old[k];
            }
            else {
                Py_XDECREF(old[k].value); /* past the probes in the larger table: dropped */
                t->used--;
            }
        }
        PyMem_Free(old);
    }
    TextEntry *e = table_entry(t, key, len, hash);
    if (e == NULL) {
        return 0; /* past the probes: not kept */
    }
    e->key = key;
    e->len = len;
    e->hash = hash;
    e->value = Py_NewRef(value);
    t->used++;
    return 0;
}

static void
table_clear(TextTable *t)
{
    if (t->entries != NULL) {
        for (Py_ssize_t k = 0; k <= t->mask; k++) {
            Py_XDECREF(t->entries[k].value);
        }
        PyMem_Free(t->entries);
    }
    t->entries = NULL;
    t->mask = t->used = 0;
}

/* One call: the text, where the scan is, and the caches of shared values. */
typedef struct {
    const unsigned char *s;
    Py_ssize_t n, i;
    const Reader *r;
    PyObject *dates;       /* text -> PartialDate (also turkicorg's cache of dates) */
    PyObject *places;      /* turkicorg's caches, handed to its functions */
    PyObject *people;
    PyTypeObject *kept[MAX_KEPT]; /* classes whose instances the call left untracked */
    int n_kept;
    TextTable raw_dates;   /* a date's JSON text (no escape) -> its PartialDate */
    TextTable raw_places;  /* an object's JSON text -> the place made for it */
    TextTable raw_people;  /* the same for participants */
    TextTable raw_short;   /* a short text (SHORT_TEXT bytes at most, no escape) -> its str */
} Scan;

static inline int
at(const Scan *c, unsigned char ch)
{
    return c->i < c->n && c->s[c->i] == ch;
}

static inline int
expect(Scan *c, unsigned char ch)
{
    if (!at(c, ch)) {
        return DECLINE;
    }
    c->i++;
    return 0;
}

/* The text of the JSON string at c->i (its opening quote) when it holds no escape and no
 * control character and ends within ``most`` bytes: where it starts and its length, and 0;
 * otherwise -1 (scan_string then reads or declines it). */
static int
raw_string_within(const Scan *c, const unsigned char **key, Py_ssize_t *len, Py_ssize_t most)
{
    if (!at(c, '"')) {
        return -1;
    }
    const unsigned char *s = c->s;
    Py_ssize_t end = c->n - c->i - 1 > most ? c->i + 2 + most : c->n;
    for (Py_ssize_t j = c->i + 1; j < end; j++) {
        unsigned char ch = s[j];
        if (ch == '"') {
            *key = s + c->i + 1;
            *len = j - c->i - 1;
            return 0;
        }
        if (ch == '\\' || ch < 0x20) {
            return -1;
        }
    }
    return -1;
}

static inline int
raw_string(const Scan *c, const unsigned char **key, Py_ssize_t *len)
{
    return raw_string_within(c, key, len, PY_SSIZE_T_MAX);
}

static inline int
hex_digit(unsigned char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

/* The text of the escapes in s[0:n] (a string's contents) as UTF-8 in out, which has room
 * for n bytes (an escape is never shorter than what it stands for); its length, or DECLINE. */
static Py_ssize_t
unescape(const unsigned char *s, Py_ssize_t n, char *out)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char ch = s[i];
        if (ch != '\\') {
            out[k++] = (char)ch;
            continue;
        }
        if (++i >= n) {
            return DECLINE;
        }
        switch (s[i]) {
        case '"': out[k++] = '"'; break;
        case '\\': out[k++] = '\\'; break;
        case '/': out[k++] = '/'; break;
        case 'b': out[k++] = '\b'; break;
        case 'f': out[k++] = '\f'; break;
        case 'n': out[k++] = '\n'; break;
        case 'r': out[k++] = '\r'; break;
        case 't': out[k++] = '\t'; break;
        case 'u': {
            if (i + 4 >= n) {
                return DECLINE;
            }
            int code = 0;
            for (int d = 1; d <= 4; d++) {
                int h = hex_digit(s[i + d]);
                if (h < 0) {
                    return DECLINE;
                }
                code = code * 16 + h;
            }
            i += 4; /* a surrogate's three bytes are not UTF-8: the decoding below fails */
            if (code < 0x80) {
                out[k++] = (char)code;
            }
            else if (code < 0x800) {
                out[k++] = (char)(0xC0 | (code >> 6));
                out[k++] = (char)(0x80 | (code & 0x3F));
            }
            else {
                out[k++] = (char)(0xE0 | (code >> 12));
                out[k++] = (char)(0x80 | ((code >> 6) & 0x3F));
                out[k++] = (char)(0x80 | (code & 0x3F));
            }
            break;
        }
        default:
            return DECLINE;
        }
    }
    return k;
}

/* A JSON string at c->i (its opening quote) as str; DECLINE for a control character or an
 * escape it does not read; UnicodeDecodeError for bytes that are not UTF-8 (or encode a
 * surrogate). */
static int
scan_string(Scan *c, PyObject **out)
{
    if (!at(c, '"')) {
        return DECLINE;
    }
    const unsigned char *s = c->s;
    Py_ssize_t start = c->i + 1, i = start;
    int ascii = 1, escaped = 0;
    for (;;) {
        if (i >= c->n) {
            return DECLINE;
        }
        unsigned char ch = s[i];
        if (ch == '"') {
            break;
        }
        if (ch == '\\') {
            escaped = 1;
            i += 2; /* the escaped character is never the closing quote */
            continue;
        }
        if (ch < 0x20) {
            return DECLINE; /* strict JSON: a control character must be escaped */
        }
        ascii &= ch < 0x80;
        i++;
    }
    Py_ssize_t len = i - start;
    PyObject *str;
    if (!escaped && ascii) {
        str = PyUnicode_New(len, 127);
        if (str != NULL) {
            memcpy(PyUnicode_1BYTE_DATA(str), s + start, (size_t)len);
        }
    }
    else if (!escaped) {
        str = PyUnicode_DecodeUTF8((const char *)s + start, len, NULL);
    }
    else {
        char small[256] = {0};
        char *buffer = len <= (Py_ssize_t)sizeof(small) ? small : PyMem_Malloc((size_t)len);
        if (buffer == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t k = unescape(s + start, len, buffer);
        str = k < 0 ? NULL : PyUnicode_DecodeUTF8(buffer, k, NULL);
        if (buffer != small) {
            PyMem_Free(buffer);
        }
        if (k < 0) {
            return DECLINE;
        }
    }
    if (str == NULL) {
        return -1; /* not UTF-8: a ValueError, which declines (the pure reader reports it) */
    }
    c->i = i + 1;
    *out = str;
    return 0;
}

/* ``null`` at c->i. */
static inline int
scan_null(Scan *c)
{
    if (c->i + 4 <= c->n && memcmp(c->s + c->i, "null", 4) == 0) {
        c->i += 4;
        return 0;
    }
    return DECLINE;
}

/* An integer of at most 18 digits at c->i as int; DECLINE for anything else (a leading zero,
 * more digits: the pure reader decides). */
static int
scan_int(Scan *c, PyObject **out)
{
    const unsigned char *s = c->s;
    Py_ssize_t i = c->i;
    int negative = i < c->n && s[i] == '-';
    i += negative;
    Py_ssize_t first = i;
    long long value = 0;
    while (i < c->n && s[i] >= '0' && s[i] <= '9') {
        if (i - first == 18) {
            return DECLINE; /* a 19th digit: checked before it could overflow */
        }
        value = value * 10 + (s[i] - '0');
        i++;
    }
    Py_ssize_t digits = i - first;
    if (digits == 0 || (digits > 1 && s[first] == '0')) {
        return DECLINE; /* a fraction or an exponent after it: what follows it declines */
    }
    PyObject *found = PyLong_FromLongLong(negative ? -value : value);
    if (found == NULL) {
        return -1;
    }
    c->i = i;
    *out = found;
    return 0;
}

/* A value of a nested object: a string, null, an integer or an array of those. */
static int
scan_simple(Scan *c, PyObject **out, int in_array)
{
    if (c->i >= c->n) {
        return DECLINE;
    }
    unsigned char ch = c->s[c->i];
    if (ch == '"') {
        return scan_string(c, out);
    }
    if (ch == 'n') {
        int r = scan_null(c);
        if (r == 0) {
            *out = Py_NewRef(Py_None);
        }
        return r;
    }
    if (ch == '-' || (ch >= '0' && ch <= '9')) {
        return scan_int(c, out);
    }
    if (ch != '[' || in_array) {
        return DECLINE;
    }
    c->i++;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return -1;
    }
    if (at(c, ']')) {
        c->i++;
        *out = list;
        return 0;
    }
    for (;;) {
        PyObject *item;
        int r = scan_simple(c, &item, 1);
        if (r == 0) {
            r = PyList_Append(list, item);
            Py_DECREF(item);
        }
        if (r < 0) {
            Py_DECREF(list);
            return r;
        }
        if (at(c, ',')) {
            c->i++;
            continue;
        }
        if (at(c, ']')) {
            c->i++;
            *out = list;
            return 0;
        }
        Py_DECREF(list);
        return DECLINE;
    }
}

/* A nested object at c->i as the parser's tuple of (key, value) pairs. */
static int
scan_pairs(Scan *c, PyObject **out)
{
    if (expect(c, '{') < 0) {
        return DECLINE;
    }
    PyObject *pairs = PyList_New(0);
    if (pairs == NULL) {
        return -1;
    }
    int r = 0;
    if (at(c, '}')) {
        c->i++;
    }
    else {
        for (;;) {
            PyObject *key = NULL, *value = NULL, *pair;
            r = scan_string(c, &key);
            if (r == 0) {
                r = expect(c, ':');
            }
            if (r == 0) {
                r = scan_simple(c, &value, 0);
            }
            if (r < 0) {
                Py_XDECREF(key);
                break;
            }
            pair = PyTuple_Pack(2, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
            if (pair == NULL || PyList_Append(pairs, pair) < 0) {
                Py_XDECREF(pair);
                r = -1;
                break;
            }
            Py_DECREF(pair);
            if (at(c, ',')) {
                c->i++;
                continue;
            }
            r = expect(c, '}');
            break;
        }
    }
    if (r < 0) {
        Py_DECREF(pairs);
        return r;
    }
    *out = PyList_AsTuple(pairs);
    Py_DECREF(pairs);
    return *out == NULL ? -1 : 0;
}

/* What untrack_atomic asks of each object an object refers to (its own class aside, which
 * every instance of a class refers to): that the collector cannot reach a container through
 * it. So: an object the collector does not manage (str, int, None), or one it does not track
 * and never will: a tuple (immutable), or an instance of a class whose instances this call
 * left untracked (frozen, holding only such objects). Returns 1 (stopping the traversal) for
 * anything else, such as a list, a dict, an enumeration member or a tracked object. */
typedef struct {
    PyObject *owner;
    const Scan *c;
} Untracking;

static int
visit_tracked(PyObject *ref, void *arg)
{
    const Untracking *u = arg;
    if (ref == (PyObject *)Py_TYPE(u->owner) || !PyObject_IS_GC(ref)) {
        return 0;
    }
    if (PyObject_GC_IsTracked(ref)) {
        return 1;
    }
    if (PyTuple_CheckExact(ref)) {
        return 0;
    }
    for (int k = 0; k < u->c->n_kept; k++) {
        if (Py_TYPE(ref) == u->c->kept[k]) {
            return 0;
        }
    }
    return 1;
}

/* Stops tracking ``obj`` (a date, place, participant, alternative, or a tuple the reader
 * made) when it refers to nothing visit_tracked refuses. CPython's collector does the same
 * with a tuple at its first pass, and msgspec with its structs: such an object cannot be in
 * a reference cycle, and the model's objects are frozen. Meetings are never passed here. */
static void
untrack_atomic(Scan *c, PyObject *obj)
{
    traverseproc traverse = Py_TYPE(obj)->tp_traverse;
    Untracking u = {obj, c};
    if (!PyObject_GC_IsTracked(obj) || traverse == NULL || traverse(obj, visit_tracked, &u) != 0) {
        return;
    }
    if (!PyTuple_CheckExact(obj)) {
        int known = 0;
        for (int k = 0; k < c->n_kept; k++) {
            known |= Py_TYPE(obj) == c->kept[k];
        }
        if (!known && c->n_kept == MAX_KEPT) {
            return; /* more classes than the reader keeps: this one stays tracked */
        }
        if (!known) {
            c->kept[c->n_kept++] = Py_TYPE(obj); /* alive: its instance is kept by the call */
        }
    }
    PyObject_GC_UnTrack(obj);
}

/* untrack_atomic of each tuple an object refers to (an alternative's sources). */
static int
visit_tuples(PyObject *ref, void *c)
{
    if (PyTuple_CheckExact(ref)) {
        untrack_atomic(c, ref);
    }
    return 0;
}

/* Where the object or array at c->i ends, matching brackets outside strings; DECLINE when the
 * text ends first. It checks nothing else: it only finds the text a cache is keyed by. */
static Py_ssize_t
object_end(const Scan *c)
{
    const unsigned char *s = c->s;
    Py_ssize_t depth = 0;
    for (Py_ssize_t i = c->i; i < c->n; i++) {
        unsigned char ch = s[i];
        if (ch == '"') {
            for (i++; i < c->n && s[i] != '"'; i++) {
                if (s[i] == '\\') {
                    i++;
                }
            }
        }
        else if (ch == '{' || ch == '[') {
            depth++;
        }
        else if ((ch == '}' || ch == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return DECLINE;
}

/* A place or participant at c->i: the one made for the same JSON text earlier in the call,
 * or made by turkicorg's ``make(pairs, cache, tuple)`` and kept. A text made once was read
 * whole by scan_pairs, so the same text again is the same valid object. */
static int
scan_shared(Scan *c, TextTable *raw, PyObject *make, PyObject *cache, PyObject **out)
{
    if (!at(c, '{')) {
        return DECLINE;
    }
    Py_ssize_t end = object_end(c);
    if (end < 0) {
        return DECLINE;
    }
    const unsigned char *key = c->s + c->i;
    Py_ssize_t len = end - c->i;
    uint64_t hash = text_hash(key, len);
    PyObject *found = table_get(raw, key, len, hash);
    if (found != NULL) {
        c->i = end;
        *out = Py_NewRef(found);
        return 0;
    }
    PyObject *pairs = NULL;
    int r = scan_pairs(c, &pairs);
    if (r == 0 && c->i != end) {
        r = DECLINE;
    }
    if (r == 0) {
        found = PyObject_CallFunctionObjArgs(make, pairs, cache, (PyObject *)&PyTuple_Type, NULL);
        if (found != NULL) {
            untrack_atomic(c, found); /* text alone: kept untracked wherever it is used */
        }
        r = found == NULL || table_add(raw, key, len, hash, found) < 0 ? -1 : 0;
    }
    Py_XDECREF(pairs);
    if (r < 0) {
        Py_XDECREF(found);
        return r;
    }
    *out = found;
    return 0;
}

static inline int
is_digits(const unsigned char *s, int n)
{
    for (int k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') {
            return 0;
        }
    }
    return 1;
}

static inline int
number(const unsigned char *s, int n)
{
    int value = 0;
    for (int k = 0; k < n; k++) {
        value = value * 10 + (s[k] - '0');
    }
    return value;
}

/* The PartialDate of a text: from the call's cache; made here for a day that exists,
 * YYYY-MM-DD (as turkicorg's reader makes it: the slots set, no other check); otherwise made
 * by turkicorg's ``read_date(text, dates)``, which keeps it or raises. */
static int
make_date(Scan *c, PyObject *text, PyObject **out)
{
    PyObject *found = PyDict_GetItemWithError(c->dates, text);
    if (found != NULL) {
        *out = Py_NewRef(found);
        return 0;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    const Reader *r = c->r;
    const unsigned char *s = PyUnicode_1BYTE_DATA(text);
    if (PyUnicode_IS_ASCII(text) && PyUnicode_GET_LENGTH(text) == 10 && s[4] == '-'
        && s[7] == '-' && is_digits(s, 4) && is_digits(s + 5, 2) && is_digits(s + 8, 2)) {
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int year = number(s, 4), month = number(s + 5, 2), day = number(s + 8, 2);
        int leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (year >= 1 && month >= 1 && month <= 12 && day >= 1
            && day <= days[month - 1] + (month == 2 && leap)) {
            PyObject *date = r->date_type->tp_alloc(r->date_type, 0);
            if (date == NULL) {
                return -1;
            }
            PyObject *parts[3] = {PyLong_FromLong(year), PyLong_FromLong(month),
                                  PyLong_FromLong(day)};
            Py_ssize_t offsets[3] = {r->year_offset, r->month_offset, r->day_offset};
            int failed = 0;
            for (int k = 0; k < 3; k++) {
                failed |= parts[k] == NULL;
                *(PyObject **)((char *)date + offsets[k]) = parts[k];
            }
            if (!failed) {
                untrack_atomic(c, date); /* three ints */
            }
            if (failed || PyDict_SetItem(c->dates, text, date) < 0) {
                Py_DECREF(date);
                if (failed && !PyErr_Occurred()) {
                    PyErr_NoMemory();
                }
                return -1;
            }
            *out = date;
            return 0;
        }
    }
    found = PyObject_CallFunctionObjArgs(r->read_date, text, c->dates, NULL);
    if (found == NULL) {
        return -1;
    }
    untrack_atomic(c, found);
    *out = found;
    return 0;
}

/* A string at c->i; short ones (a party's id, a series, a topic) are one str for each text
 * in a call, as a registry repeats them: made once, then only looked up. */
static int
scan_text(Scan *c, PyObject **out)
{
    const unsigned char *key;
    Py_ssize_t len;
    if (raw_string_within(c, &key, &len, SHORT_TEXT) < 0) {
        return scan_string(c, out); /* longer, escaped or malformed: read (or declined) there */
    }
    uint64_t hash = text_hash(key, len);
    PyObject *found = table_get(&c->raw_short, key, len, hash);
    if (found != NULL) {
        c->i += len + 2;
        *out = Py_NewRef(found);
        return 0;
    }
    int r = scan_string(c, out);
    if (r == 0 && table_add(&c->raw_short, key, len, hash, *out) < 0) {
        Py_CLEAR(*out);
        return -1;
    }
    return r;
}

/* A meeting field's value at c->i, checked and converted as its kind says. */
static int
scan_field(Scan *c, const RField *f, PyObject **out)
{
    if (c->i >= c->n) {
        return DECLINE;
    }
    unsigned char ch = c->s[c->i];
    int nullable = f->kind == K_OPTIONAL_TEXT || f->kind == K_OPTIONAL_INT
                   || f->kind == K_OPTIONAL_DATE || f->kind == K_OPTIONAL_PLACE;
    if (ch == 'n' && nullable) {
        int r = scan_null(c);
        if (r == 0) {
            *out = Py_NewRef(Py_None);
        }
        return r;
    }
    PyObject *text = NULL;
    int r;
    switch (f->kind) {
    case K_TEXT:
    case K_OPTIONAL_TEXT:
        return scan_text(c, out);
    case K_OPTIONAL_INT:
        return scan_int(c, out);
    case K_CHOICE: {
        const unsigned char *key;
        Py_ssize_t len;
        if (f->n_options >= 0 && raw_string(c, &key, &len) == 0) {
            for (int k = 0; k < f->n_options; k++) {
                if (f->option_lens[k] == len && memcmp(f->option_texts[k], key, (size_t)len) == 0) {
                    c->i += len + 2;
                    *out = Py_NewRef(f->option_members[k]);
                    return 0;
                }
            }
            /* no choice is this text: read as a string below, which declines or raises */
        }
        if ((r = scan_string(c, &text)) < 0) {
            return r;
        }
        PyObject *member = PyDict_GetItemWithError(f->choices, text);
        Py_DECREF(text);
        if (member == NULL) {
            return PyErr_Occurred() ? -1 : DECLINE;
        }
        *out = Py_NewRef(member);
        return 0;
    }
    case K_DATE:
    case K_OPTIONAL_DATE: {
        const unsigned char *key = NULL;
        Py_ssize_t len = 0;
        uint64_t hash = 0;
        int raw = raw_string(c, &key, &len) == 0;
        if (raw) {
            hash = text_hash(key, len);
            PyObject *found = table_get(&c->raw_dates, key, len, hash);
            if (found != NULL) {
                c->i += len + 2;
                *out = Py_NewRef(found);
                return 0;
            }
        }
        if ((r = scan_string(c, &text)) < 0) {
            return r;
        }
        r = make_date(c, text, out);
        Py_DECREF(text);
        if (r == 0 && raw && table_add(&c->raw_dates, key, len, hash, *out) < 0) {
            Py_CLEAR(*out);
            return -1;
        }
        return r;
    }
    case K_OPTIONAL_PLACE:
        return scan_shared(c, &c->raw_places, c->r->place, c->places, out);
    case K_PARTICIPANTS:
    case K_TEXTS:
    case K_ALTERNATIVES:
        break;
    default:
        return DECLINE;
    }
    if (expect(c, '[') < 0) {
        return DECLINE;
    }
    PyObject *items = PyList_New(0);
    if (items == NULL) {
        return -1;
    }
    r = 0;
    if (at(c, ']')) {
        c->i++;
    }
    else {
        for (;;) {
            PyObject *item = NULL;
            if (f->kind == K_PARTICIPANTS) {
                r = scan_shared(c, &c->raw_people, c->r->participant, c->people, &item);
            }
            else if (f->kind == K_TEXTS) {
                r = scan_text(c, &item);
            }
            else {
                r = scan_pairs(c, &item);
            }
            if (r == 0) {
                r = PyList_Append(items, item);
                Py_DECREF(item);
            }
            if (r < 0) {
                break;
            }
            if (at(c, ',')) {
                c->i++;
                continue;
            }
            r = expect(c, ']');
            break;
        }
    }
    if (r < 0) {
        Py_DECREF(items);
        return r;
    }
    if (f->kind == K_ALTERNATIVES && PyList_GET_SIZE(items)) {
        *out = PyObject_CallFunctionObjArgs(c->r->alternatives, items,
                                            (PyObject *)&PyTuple_Type, NULL);
        if (*out != NULL && PyTuple_CheckExact(*out)) {
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(*out); k++) {
                PyObject *alternative = PyTuple_GET_ITEM(*out, k);
                traverseproc traverse = Py_TYPE(alternative)->tp_traverse;
                if (traverse != NULL) {
                    traverse(alternative, visit_tuples, c); /* its sources first */
                }
                untrack_atomic(c, alternative);
            }
        }
    }
    else {
        *out = PyList_AsTuple(items);
    }
    if (*out != NULL && PyTuple_CheckExact(*out)) {
        /* Text, or places and participants left untracked: the tuple starts untracked, as
         * the collector's first pass would leave it. */
        untrack_atomic(c, *out);
    }
    Py_DECREF(items);
    return *out == NULL ? -1 : 0;
}

/* ---------------------------------------------------------------------------------------
 * The quick check: turkicorg.meetings.plain_meeting in C. A meeting of the plainest shape
 * (the most of a registry) is one of which the model's check finds nothing, so its
 * ``__attrs_post_init__`` is not called; any other meeting is checked by it. Every answer
 * here is 0 when in doubt (a type other than the model's): the model's check then looks.
 * ------------------------------------------------------------------------------------- */

static unsigned char ID_CHAR[128];  /* 1: a-z 0-9 (may start an id); 2: . _ - */
static unsigned char URL_HOST[128]; /* A-Z a-z 0-9 . - */
static unsigned char URL_PATH[128]; /* unreserved, sub-delims, : @ / */

static void
plain_tables(void)
{
    for (int c = 0; c < 128; c++) {
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        ID_CHAR[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? 1 : 0;
        URL_HOST[c] = alnum || c == '.' || c == '-';
        URL_PATH[c] = alnum || (c && strchr("-._~!$&'()*+,;=:@/", c) != NULL);
    }
    ID_CHAR['.'] = ID_CHAR['_'] = ID_CHAR['-'] = 2;
}

/* The ASCII text of a str, or NULL when it is not an exact str of ASCII. */
static inline const unsigned char *
ascii_text(PyObject *v, Py_ssize_t *n)
{
    if (!PyUnicode_CheckExact(v) || !PyUnicode_IS_ASCII(v)) {
        return NULL;
    }
    *n = PyUnicode_GET_LENGTH(v);
    return PyUnicode_1BYTE_DATA(v);
}

/* ``[a-z0-9][a-z0-9._-]{0,99}``, the whole text (turkicorg.meetings._MEETING_ID). */
static int
plain_id(PyObject *v)
{
    Py_ssize_t n;
    const unsigned char *s = ascii_text(v, &n);
    if (s == NULL || n < 1 || n > 100 || ID_CHAR[s[0]] != 1) {
        return 0;
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        if (!ID_CHAR[s[i]]) {
            return 0;
        }
    }
    return 1;
}

/* turkicorg.sourcing.plain_url: ``https?://[A-Za-z0-9.-]+`` and then nothing, or a ``/`` and
 * path characters. */
static int
plain_url(PyObject *v)
{
    Py_ssize_t n, i;
    const unsigned char *s = ascii_text(v, &n);
    if (s == NULL) {
        return 0;
    }
    if (n >= 7 && memcmp(s, "http://", 7) == 0) {
        i = 7;
    }
    else if (n >= 8 && memcmp(s, "https://", 8) == 0) {
        i = 8;
    }
    else {
        return 0;
    }
    Py_ssize_t host = i;
    while (i < n && URL_HOST[s[i]]) {
        i++;
    }
    if (i == host) {
        return 0;
    }
    if (i < n && s[i] != '/') {
        return 0;
    }
    for (; i < n; i++) {
        if (!URL_PATH[s[i]]) {
            return 0;
        }
    }
    return 1;
}

/* A date of the plainest shape (turkicorg.meetings._plain_date): the model's date class, a
 * year from 1 to 9999, a month from 1 to 12 or unknown, a day from 1 to 31 or unknown, each
 * an exact int; its (year, month or unknown[0], day or unknown[1]) in key. */
static int
date_key(const Reader *r, PyObject *d, const long unknown[2], long key[3])
{
    static const long most[3] = {9999, 12, 31};
    if (Py_TYPE(d) != r->date_type) {
        return 0;
    }
    const Py_ssize_t offsets[3] = {r->year_offset, r->month_offset, r->day_offset};
    for (int k = 0; k < 3; k++) {
        PyObject *v = slot(d, offsets[k]);
        int overflow = 0;
        if (v == NULL) {
            return 0;
        }
        if (k > 0 && v == Py_None) {
            key[k] = unknown[k - 1];
            continue;
        }
        if (!PyLong_CheckExact(v)) {
            return 0;
        }
        key[k] = PyLong_AsLongAndOverflow(v, &overflow);
        if (overflow || key[k] < 1 || key[k] > most[k]) {
            return 0;
        }
    }
    return 1;
}

/* The start and end of turkicorg.meetings.plain_meeting: dates of the plainest shape, and
 * the end's latest key (turkicorg.meetings._ends_before_start) not before the start's
 * earliest. */
static int
plain_dates(const Reader *r, PyObject *start, PyObject *end)
{
    static const long latest[2] = {12, 31}, earliest[2] = {1, 1};
    long e[3], b[3];
    if (!date_key(r, start, earliest, b)) {
        return 0;
    }
    if (end == Py_None) {
        return 1;
    }
    if (!date_key(r, end, latest, e)) {
        return 0;
    }
    for (int k = 0; k < 3; k++) {
        if (e[k] != b[k]) {
            return e[k] > b[k];
        }
    }
    return 1; /* equal: not before */
}

/* turkicorg.meetings.plain_meeting of a meeting whose field values are ``v`` (by field). */
static int
plain_meeting(const Reader *r, PyObject *const *v)
{
    const int *at = r->plain_at;
    PyObject *title = v[at[P_TITLE]], *end = v[at[P_END]], *ordinal = v[at[P_ORDINAL]];
    PyObject *participants = v[at[P_PARTICIPANTS]], *sources = v[at[P_SOURCES]];
    PyObject *alternatives = v[at[P_ALTERNATIVES]];
    if (!plain_id(v[at[P_ID]]) || !PyUnicode_CheckExact(title)
        || PyUnicode_GET_LENGTH(title) < 1) {
        return 0;
    }
    Py_UCS4 first = PyUnicode_READ_CHAR(title, 0);
    if (first < '!' || first > '~') {
        return 0;
    }
    if (!plain_dates(r, v[at[P_START]], end)) {
        return 0;
    }
    if (ordinal != Py_None) {
        int overflow = 0;
        if (!PyLong_CheckExact(ordinal)) {
            return 0;
        }
        long value = PyLong_AsLongAndOverflow(ordinal, &overflow);
        if (overflow < 0 || (overflow == 0 && value < 1)) {
            return 0;
        }
    }
    if (v[at[P_FORMAT]] == r->video && v[at[P_PLACE]] != Py_None) {
        return 0;
    }
    if (v[at[P_KIND]] == r->bilateral
        && !(PyTuple_CheckExact(participants) && PyTuple_GET_SIZE(participants) > 0)) {
        return 0;
    }
    if (!PyTuple_CheckExact(alternatives) || PyTuple_GET_SIZE(alternatives) != 0
        || !PyTuple_CheckExact(sources) || PyTuple_GET_SIZE(sources) == 0) {
        return 0;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(sources); k++) {
        if (!plain_url(PyTuple_GET_ITEM(sources, k))) {
            return 0;
        }
    }
    return 1;
}

/* One meeting at c->i: its keys in field order, each at most once. */
static int
scan_meeting(Scan *c, PyObject **out)
{
    const Reader *r = c->r;
    PyObject *values[MAX_FIELDS] = {NULL};
    int result = expect(c, '{'), next = 0;
    if (result == 0 && at(c, '}')) {
        c->i++;
    }
    else {
        while (result == 0) {
            if (expect(c, '"') < 0) {
                result = DECLINE;
                break;
            }
            const unsigned char *key = c->s + c->i;
            const unsigned char *quote = memchr(key, '"', (size_t)(c->n - c->i));
            if (quote == NULL) {
                result = DECLINE; /* an escaped key never equals a name: it declines below */
                break;
            }
            Py_ssize_t len = quote - key;
            while (next < r->n
                   && !(r->fields[next].name_len == len
                        && memcmp(r->fields[next].name, key, (size_t)len) == 0)) {
                next++; /* a field whose key is absent */
            }
            if (next == r->n) {
                result = DECLINE; /* unknown, repeated or out of order */
                break;
            }
            c->i += len + 1;
            if (expect(c, ':') < 0) {
                result = DECLINE;
                break;
            }
            result = scan_field(c, &r->fields[next], &values[next]);
            next++;
            if (result == 0 && at(c, ',')) {
                c->i++;
                continue;
            }
            if (result == 0) {
                result = expect(c, '}');
            }
            break;
        }
    }
    for (int k = 0; k < r->n && result == 0; k++) {
        if (values[k] == NULL) {
            if (r->fields[k].required) {
                result = DECLINE;
            }
            else {
                values[k] = Py_NewRef(r->fields[k].default_);
            }
        }
    }
    PyObject *meeting = NULL;
    if (result == 0) {
        meeting = r->type->tp_alloc(r->type, 0);
        result = meeting == NULL ? -1 : 0;
    }
    if (result < 0) {
        for (int k = 0; k < r->n; k++) {
            Py_XDECREF(values[k]);
        }
        return result;
    }
    for (int k = 0; k < r->n; k++) {
        *(PyObject **)((char *)meeting + r->fields[k].offset) = values[k];
    }
    if (r->post_init != Py_None && !(r->plain && plain_meeting(r, values))) {
        PyObject *none = PyObject_CallOneArg(r->post_init, meeting);
        if (none == NULL) {
            Py_DECREF(meeting);
            return -1;
        }
        Py_DECREF(none);
    }
    *out = meeting;
    return 0;
}

/* Reader(data, start) -> (list of meetings, end) | None: the meetings of the array whose
 * first element is at ``start`` (just after its ``[``), and where the text after its ``]``
 * starts. ``data`` is bytes or ASCII str; other text declines. */
static PyObject *
Reader_call(Reader *self, PyObject *args, PyObject *kwargs)
{
    PyObject *data;
    Py_ssize_t start;
    if (!PyArg_ParseTuple(args, "On:read", &data, &start)) {
        return NULL;
    }
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "read() takes no keyword arguments");
        return NULL;
    }
    Scan c = {.i = start, .r = self}; /* the rest zero: no text, dicts or tables yet */
    if (PyBytes_CheckExact(data)) {
        c.s = (const unsigned char *)PyBytes_AS_STRING(data);
        c.n = PyBytes_GET_SIZE(data);
    }
    else if (PyUnicode_CheckExact(data)) {
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(data) < 0) { /* a str made by the legacy API, until 3.12 */
            return NULL;
        }
#endif
        if (!PyUnicode_IS_ASCII(data)) {
            Py_RETURN_NONE;
        }
        c.s = PyUnicode_1BYTE_DATA(data);
        c.n = PyUnicode_GET_LENGTH(data);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "read() takes bytes or str");
        return NULL;
    }
    if (start < 0 || start > c.n) {
        PyErr_SetString(PyExc_ValueError, "start is outside the text");
        return NULL;
    }
    PyObject *meetings = PyList_New(0);
    c.dates = PyDict_New();
    c.places = PyDict_New();
    c.people = PyDict_New();
    int r = meetings && c.dates && c.places && c.people ? 0 : -1;
    if (r == 0 && at(&c, ']')) {
        c.i++;
    }
    else {
        while (r == 0) {
            PyObject *meeting;
            r = scan_meeting(&c, &meeting);
            if (r < 0) {
                break;
            }
            r = PyList_Append(meetings, meeting);
            Py_DECREF(meeting);
            if (r == 0 && at(&c, ',')) {
                c.i++;
                continue;
            }
            if (r == 0) {
                r = expect(&c, ']');
            }
            break;
        }
    }
    Py_XDECREF(c.dates);
    Py_XDECREF(c.places);
    Py_XDECREF(c.people);
    table_clear(&c.raw_dates);
    table_clear(&c.raw_places);
    table_clear(&c.raw_people);
    table_clear(&c.raw_short);
    if (r == 0) {
        PyObject *found = Py_BuildValue("(Nn)", meetings, c.i);
        return found;
    }
    Py_XDECREF(meetings);
    if (r == DECLINE) {
        Py_RETURN_NONE;
    }
    if (PyErr_ExceptionMatches(self->declines)) {
        PyErr_Clear(); /* as turkicorg's reader: it declines, the pure reader reads */
        Py_RETURN_NONE;
    }
    return NULL;
}

/* meeting: (type, ((name, kind, required, default, choices value -> member or None), ...)) */
static int
read_reader_layout(Reader *self, PyObject *spec)
{
    PyObject *fields;
    if (!PyArg_ParseTuple(spec, "O!O!:layout", &PyType_Type, &self->type, &PyTuple_Type,
                          &fields)) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(fields);
    if (n > MAX_FIELDS) {
        PyErr_SetString(PyExc_ValueError, "too many fields");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        RField *f = &self->fields[i];
        PyObject *row = PyTuple_GET_ITEM(fields, i), *name, *choices;
        if (!PyTuple_Check(row)) {
            PyErr_SetString(PyExc_TypeError, "a field must be a tuple");
            return -1;
        }
        if (!PyArg_ParseTuple(row, "UipOO:field", &name, &f->kind, &f->required, &f->default_,
                              &choices)) {
            return -1;
        }
        if (f->kind < K_TEXT || f->kind > K_ALTERNATIVES) {
            PyErr_Format(PyExc_ValueError, "kind %d is not read here", f->kind);
            return -1;
        }
        if ((f->kind == K_CHOICE) != (choices != Py_None)
            || (choices != Py_None && !PyDict_CheckExact(choices))) {
            PyErr_SetString(PyExc_TypeError, "a dict of choices is given for choice fields only");
            return -1;
        }
        if (member_offset(self->type, name, &f->offset) < 0) {
            return -1;
        }
        for (Py_ssize_t j = 0; j < i; j++) {
            if (self->fields[j].offset == f->offset) {
                PyErr_Format(PyExc_ValueError, "the slot of %R is given twice", name);
                return -1; /* its value would be set twice */
            }
        }
        f->name = PyUnicode_AsUTF8AndSize(name, &f->name_len);
        if (f->name == NULL) {
            return -1;
        }
        if (choices != Py_None && (f->choices = PyDict_Copy(choices)) == NULL) {
            return -1;
        }
        self->n = (int)i + 1;
        f->n_options = -1; /* the dict alone, unless every choice is text (below) */
        if (f->choices != NULL && PyDict_GET_SIZE(f->choices) <= MAX_CHOICES) {
            Py_ssize_t pos = 0;
            PyObject *text, *member;
            int n = 0;
            while (PyDict_Next(f->choices, &pos, &text, &member) && PyUnicode_CheckExact(text)) {
                f->option_texts[n] = PyUnicode_AsUTF8AndSize(text, &f->option_lens[n]);
                if (f->option_texts[n] == NULL) {
                    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
                        return -1;
                    }
                    PyErr_Clear(); /* a lone surrogate: looked up in the dict instead */
                    break;
                }
                f->option_members[n++] = member;
            }
            if (n == PyDict_GET_SIZE(f->choices)) {
                f->n_options = n;
            }
        }
    }
    return 0;
}

/* plain: None (the model's check of every meeting), or (names, video, bilateral): the
 * names of the fields the quick check asks about, in the order of P_ID..P_ALTERNATIVES, each
 * a field of the layout of its expected kind; the format member of a video conference; the
 * kind member of a bilateral meeting. */
static int
read_plain(Reader *self, PyObject *plain)
{
    static const int kinds[N_PLAIN] = {K_TEXT,         K_TEXT,       K_DATE,       K_OPTIONAL_DATE,
                                       K_OPTIONAL_INT, K_CHOICE,     K_OPTIONAL_PLACE,
                                       K_CHOICE,       K_PARTICIPANTS, K_TEXTS,    K_ALTERNATIVES};
    PyObject *names;
    if (plain == Py_None) {
        return 0;
    }
    if (!PyTuple_Check(plain)
        || !PyArg_ParseTuple(plain, "O!OO:plain", &PyTuple_Type, &names, &self->video,
                             &self->bilateral)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "plain must be None or (names, video, bilateral)");
        }
        return -1;
    }
    if (PyTuple_GET_SIZE(names) != N_PLAIN) {
        PyErr_Format(PyExc_ValueError, "the quick check names %d fields", N_PLAIN);
        return -1;
    }
    for (int p = 0; p < N_PLAIN; p++) {
        PyObject *name = PyTuple_GET_ITEM(names, p);
        Py_ssize_t len;
        const char *text = PyUnicode_Check(name) ? PyUnicode_AsUTF8AndSize(name, &len) : NULL;
        if (text == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "the quick check's names are str");
            }
            return -1;
        }
        int found = -1;
        for (int k = 0; k < self->n && found < 0; k++) {
            const RField *f = &self->fields[k];
            if (f->name_len == len && memcmp(f->name, text, (size_t)len) == 0) {
                found = k;
            }
        }
        if (found < 0 || self->fields[found].kind != kinds[p]) {
            PyErr_Format(PyExc_ValueError, "the quick check's field %R is not read as it expects",
                         name);
            return -1;
        }
        for (int q = 0; q < p; q++) {
            if (self->plain_at[q] == found) {
                PyErr_Format(PyExc_ValueError, "the quick check names %R twice", name);
                return -1;
            }
        }
        self->plain_at[p] = found;
    }
    /* The members it compares with must be choices of their fields (not swapped). */
    PyObject *members[2] = {self->video, self->bilateral};
    const int fields[2] = {P_FORMAT, P_KIND};
    for (int k = 0; k < 2; k++) {
        const RField *f = &self->fields[self->plain_at[fields[k]]];
        Py_ssize_t pos = 0;
        PyObject *text, *member;
        int known = 0;
        while (!known && PyDict_Next(f->choices, &pos, &text, &member)) {
            known = member == members[k];
        }
        if (!known) {
            PyErr_Format(PyExc_ValueError, "%R is not a choice of the field %s", members[k],
                         f->name);
            return -1;
        }
    }
    self->plain = 1;
    return 0;
}

static PyObject *
Reader_new(PyTypeObject *cls, PyObject *args, PyObject *kwargs)
{
    PyObject *meeting, *post_init, *read_date, *place, *participant, *alternatives, *declines;
    PyObject *plain = Py_None;
    PyTypeObject *date_type;
    static char *names[] = {"meeting", "post_init", "date", "read_date", "place",
                            "participant", "alternatives", "declines", "plain", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!OO!OOOOO|$O:Reader", names, &PyTuple_Type,
                                     &meeting, &post_init, &PyType_Type, &date_type, &read_date,
                                     &place, &participant, &alternatives, &declines, &plain)) {
        return NULL;
    }
    PyObject *callables[] = {read_date, place, participant, alternatives};
    for (int k = 0; k < 4; k++) {
        if (!PyCallable_Check(callables[k])) {
            PyErr_SetString(PyExc_TypeError, "the reader's helpers must be callable");
            return NULL;
        }
    }
    if (post_init != Py_None && !PyCallable_Check(post_init)) {
        PyErr_SetString(PyExc_TypeError, "post_init must be callable or None");
        return NULL;
    }
    Reader *self = (Reader *)cls->tp_alloc(cls, 0);
    if (self == NULL) {
        return NULL;
    }
    self->spec = Py_BuildValue("(OOOOOOOOO)", meeting, post_init, date_type, read_date, place,
                               participant, alternatives, declines, plain);
    self->post_init = post_init;
    self->date_type = date_type;
    self->read_date = read_date;
    self->place = place;
    self->participant = participant;
    self->alternatives = alternatives;
    self->declines = declines;
    if (self->spec == NULL || read_reader_layout(self, meeting) < 0
        || date_offsets(date_type, &self->year_offset, &self->month_offset, &self->day_offset) < 0
        || read_plain(self, plain) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* reader.plain(meeting) -> bool: the quick check of a meeting of the layout's class (for
 * turkicorg's tests, which compare it with turkicorg.meetings.plain_meeting). */
static PyObject *
Reader_plain(Reader *self, PyObject *meeting)
{
    PyObject *values[MAX_FIELDS];
    if (!self->plain) {
        PyErr_SetString(PyExc_ValueError, "this reader has no quick check");
        return NULL;
    }
    if (Py_TYPE(meeting) != self->type) {
        PyErr_Format(PyExc_TypeError, "expected %s", self->type->tp_name);
        return NULL;
    }
    for (int k = 0; k < self->n; k++) {
        values[k] = slot(meeting, self->fields[k].offset);
        if (values[k] == NULL) {
            PyErr_Format(PyExc_AttributeError, "the meeting's %s is not set",
                         self->fields[k].name);
            return NULL;
        }
    }
    return PyBool_FromLong(plain_meeting(self, values));
}

static PyMethodDef Reader_methods[] = {
    {"plain", (PyCFunction)Reader_plain, METH_O,
     PyDoc_STR("plain(meeting) -> bool: the quick check of one meeting (for tests).")},
    {NULL, NULL, 0, NULL},
};

static void
Reader_dealloc(Reader *self)
{
    for (int j = 0; j < self->n; j++) {
        Py_XDECREF(self->fields[j].choices);
    }
    Py_XDECREF(self->spec);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject ReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_turkicorg_speedups.Reader",
    .tp_doc = PyDoc_STR("Reader(meeting, post_init, date, read_date, place, participant, "
                        "alternatives, declines, *, plain=None): call it with a registry "
                        "document and where its meetings start to get (meetings, end), or None "
                        "when it declines."),
    .tp_methods = Reader_methods,
    .tp_basicsize = sizeof(Reader),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Reader_new,
    .tp_dealloc = (destructor)Reader_dealloc,
    .tp_call = (ternaryfunc)Reader_call,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_turkicorg_speedups",
    .m_doc = "The compiled writer and reader of turkicorg's meetings (optional).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__turkicorg_speedups(void)
{
    for (int c = 0; c < 0x20; c++) {
        ESCAPED[c] = 1;
    }
    ESCAPED['"'] = ESCAPED['\\'] = 1;
    plain_tables();
    if (PyType_Ready(&WriterType) < 0 || PyType_Ready(&ReaderType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "API", 4) < 0
        || PyModule_AddObjectRef(m, "Writer", (PyObject *)&WriterType) < 0
        || PyModule_AddObjectRef(m, "Reader", (PyObject *)&ReaderType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
