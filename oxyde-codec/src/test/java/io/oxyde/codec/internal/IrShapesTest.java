package io.oxyde.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The descriptor tables themselves: each key once, lookups agreeing with the order, sane defaults. */
class IrShapesTest {

    private static List<RecordShape<?>> shapes() throws IllegalAccessException {
        List<RecordShape<?>> out = new ArrayList<>();
        for (Field f : IrShapes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == RecordShape.class) {
                f.setAccessible(true);
                out.add((RecordShape<?>) f.get(null));
            }
        }
        return out;
    }

    @Test
    void everyKindSaysEachKeyOnceAndFindsItWhereItStands() throws IllegalAccessException {
        List<RecordShape<?>> shapes = shapes();
        assertThat(shapes).hasSize(29);
        for (RecordShape<?> shape : shapes) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < shape.size(); i++) {
                ShapeField<?> field = shape.field(i);
                assertThat(keys.add(field.key())).as(field.key()).isTrue();
                assertThat(shape.indexOf(field.key())).isEqualTo(i);
                assertThat(field.encodedKey()).isEqualTo(EncodedNames.of(field.key()));
                if (field.required()) {
                    assertThat(field.absent()).as(field.key()).isNull();
                }
                assertThat(field.since()).matches("1\\.[0-4]");
            }
            assertThat(shape.indexOf(WireFormat.K_TYPE)).isEqualTo(-1);
            assertThat(shape.since()).matches("1\\.[0-4]");
        }
    }
}
