package io.oxyde.codec.internal;

/**
 * The constants of wire protocol version 1: keys, extension type numbers and limits. See
 * {@code docs/protocol.md}; every number here is part of the protocol and is never reused.
 */
public final class WireFormat {

    private WireFormat() {
    }

    /** The protocol version this codec writes and the only one it reads. */
    public static final int PROTOCOL_VERSION = 1;

    // Extension types of values (application range 0..127).
    public static final byte EXT_DECIMAL = 1;
    public static final byte EXT_DATE = 2;
    public static final byte EXT_TIME = 3;
    public static final byte EXT_DATE_TIME = 4;
    public static final byte EXT_TIMESTAMP = 5;
    public static final byte EXT_UUID = 6;
    public static final byte EXT_JSON = 7;
    /** A parameter slot inside a shape: fixext 4 = index (3 bytes, big-endian) + kind tag. */
    public static final byte EXT_PARAM = 16;

    // Limits.
    /** Deepest nesting of filter nodes, expressions, arrays and unions, counted together. */
    public static final int MAX_DEPTH = 64;
    /** Most slot values in one message, and most elements of any one collection. */
    public static final int MAX_VALUES = 1_000_000;
    /** Longest identifier (table, column, alias, model), in characters. */
    public static final int MAX_IDENTIFIER_CHARS = 128;
    /** Longest raw SQL statement, in UTF-8 bytes. */
    public static final int MAX_SQL_BYTES = 1 << 20;
    /** Longest text, JSON or bytes value, in bytes. */
    public static final int MAX_BLOB_BYTES = 64 << 20;
    /** Longest unscaled part of a decimal, in bytes. */
    public static final int MAX_DECIMAL_BYTES = 8192;
    /**
     * Largest decimal scale (digits after the point), and the most digits before the point a
     * decimal may have: PostgreSQL's {@code numeric} limits (16,383 and 131,072), the widest of
     * the dialects. Beyond them no database stores the value (PostgreSQL silently turned
     * {@code 1E+1000000000} into 0), and a scale near ±2³¹ made arithmetic on the value exhaust
     * the heap, so the codec refuses such a value before anything uses it.
     */
    public static final int MAX_DECIMAL_SCALE = 16_383;
    /** See {@link #MAX_DECIMAL_SCALE}. */
    public static final int MAX_DECIMAL_INTEGER_DIGITS = 131_072;
    /** Longest result column label, in UTF-8 bytes. */
    public static final int MAX_LABEL_BYTES = 1 << 16;

    // Envelope and result frame kinds.
    public static final String FRAME_ROWS = "rows";
    public static final String FRAME_MUTATION = "mutation";

    // Shape keys.
    public static final String K_TYPE = "type";
    public static final String K_TABLE = "table";
    public static final String K_MODEL = "model";
    public static final String K_COLUMNS = "columns";
    public static final String K_DISTINCT = "distinct";
    public static final String K_FILTER = "filter";
    public static final String K_JOINS = "joins";
    public static final String K_ORDER_BY = "order_by";
    public static final String K_LIMIT = "limit";
    public static final String K_OFFSET = "offset";
    public static final String K_AGGREGATES = "aggregates";
    public static final String K_GROUP_BY = "group_by";
    public static final String K_HAVING = "having";
    public static final String K_LOCK = "lock";
    public static final String K_UNION = "union";
    public static final String K_MODE = "mode";
    public static final String K_ROWS = "rows";
    public static final String K_RETURNING = "returning";
    public static final String K_ON_CONFLICT = "on_conflict";
    public static final String K_SET = "set";
    public static final String K_KEY = "key";
    public static final String K_SQL = "sql";
    public static final String K_PARAMS = "params";
    // filter nodes
    public static final String K_CHILDREN = "children";
    public static final String K_CHILD = "child";
    public static final String K_FIELD = "field";
    public static final String K_OP = "op";
    public static final String K_VALUE = "value";
    // joins
    public static final String K_ALIAS = "alias";
    public static final String K_KIND = "kind";
    public static final String K_LEFT = "left";
    public static final String K_RIGHT = "right";
    // aggregates
    public static final String K_FUNCTION = "function";
    public static final String K_COLUMN = "column";
    // unions
    public static final String K_QUERY = "query";
    // on conflict
    public static final String K_TARGET = "target";
    public static final String K_ACTION = "action";
    public static final String K_UPDATE = "update";
    // expressions
    public static final String K_NAME = "name";
    public static final String K_OPERAND = "operand";
    public static final String K_SOURCE = "source";
    public static final String K_EXPR = "expr";
    public static final String K_NUMERIC = "numeric";
    // revision 1.2: annotations, correlated subqueries, expression tests
    public static final String K_ANNOTATIONS = "annotations";

    // Filter node and expression types.
    public static final String T_CONDITION = "condition";
    public static final String T_AND = "and";
    public static final String T_OR = "or";
    public static final String T_NOT = "not";
    public static final String T_IN_SELECT = "in_select";
    public static final String T_COMPARE = "compare";
    public static final String T_VALUE = "value";
    public static final String T_COLUMN = "column";
    public static final String T_BINARY = "binary";
    public static final String T_NEG = "neg";
    public static final String T_EXISTS = "exists";
    public static final String T_TEST = "test";
    public static final String T_OUTER = "outer";
    public static final String T_SUBQUERY = "subquery";
    public static final String T_CALL = "call";
    public static final String K_ARGS = "args";
    public static final String T_CASE = "case";
    public static final String K_WHENS = "whens";
    public static final String K_WHEN = "when";
    public static final String K_THEN = "then";
    public static final String K_ELSE = "else";
    // revision 1.3: window functions
    public static final String T_WINDOW = "window";
    public static final String K_PARTITION_BY = "partition_by";
    // revision 1.3: DISTINCT ON and lock targets
    public static final String K_DISTINCT_ON = "distinct_on";
    public static final String K_LOCK_OF = "lock_of";
    // revision 1.4: joins along multi-column foreign keys
    public static final String K_AND_ON = "and_on";
}
