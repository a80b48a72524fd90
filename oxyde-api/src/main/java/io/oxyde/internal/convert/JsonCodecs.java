package io.oxyde.internal.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Codecs of JSON documents (through Jackson) and of {@code List} array columns. */
final class JsonCodecs {

    private JsonCodecs() {
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** A JSON column holding {@code type}; the reader and writer are resolved here, once. */
    static FieldCodec json(Type type) {
        JavaType javaType = JsonSupport.mapper().getTypeFactory().constructType(type);
        ObjectReader reader = JsonSupport.mapper().readerFor(javaType);
        ObjectWriter writer = JsonSupport.mapper().writerFor(javaType);
        String name = javaType.toCanonical();
        return new FieldCodec(ValueKind.JSON) {
            @Override
            public Value toValue(Object javaValue) {
                try {
                    return new Value.Json(writer.writeValueAsString(javaValue));
                } catch (JsonProcessingException e) {
                    throw new Unconvertible("Jackson cannot write it as JSON: " + e.getOriginalMessage(), e);
                }
            }

            @Override
            public Object fromValue(Value value) {
                String text;
                if (value instanceof Value.Json j) {
                    text = j.text();
                } else if (value instanceof Value.Text t) {
                    text = t.value();
                } else {
                    throw cannot(value);
                }
                try {
                    return reader.readValue(text);
                } catch (JsonProcessingException e) {
                    throw new Unconvertible("the JSON " + shortened(text) + " cannot be read as " + name + ": "
                            + e.getOriginalMessage(), e);
                }
            }

            @Override
            public String javaTypeName() {
                return "JSON " + name;
            }
        };
    }

    /**
     * A {@code List<E>} column: an {@link ValueKind#ARRAY} of element values (a PostgreSQL array);
     * databases without arrays store it as a JSON array, which is read back through Jackson.
     */
    static FieldCodec array(FieldCodec element, Type listType) {
        FieldCodec jsonFallback = json(listType);
        return new FieldCodec(ValueKind.ARRAY) {
            @Override
            public Value toValue(Object javaValue) {
                List<?> list = (List<?>) javaValue;
                List<Value> out = new ArrayList<>(list.size());
                for (Object e : list) {
                    out.add(e == null ? Value.Null.INSTANCE : element.toValue(e));
                }
                return new Value.Array(out);
            }

            @Override
            public Object fromValue(Value value) {
                if (value instanceof Value.Array a) {
                    List<Value> elements = a.elements();
                    List<Object> out = new ArrayList<>(elements.size());
                    for (int i = 0; i < elements.size(); i++) {
                        Value e = elements.get(i);
                        try {
                            out.add(e instanceof Value.Null ? null : element.fromValue(e));
                        } catch (Unconvertible u) {
                            throw new Unconvertible("element [" + i + "]: " + u.getMessage());
                        }
                    }
                    return Collections.unmodifiableList(out);
                }
                if (value instanceof Value.Json || value instanceof Value.Text) {
                    return Collections.unmodifiableList((List<?>) jsonFallback.fromValue(value));
                }
                throw cannot(value);
            }

            @Override
            public String javaTypeName() {
                return "List<" + element.javaTypeName() + ">";
            }
        };
    }
}
