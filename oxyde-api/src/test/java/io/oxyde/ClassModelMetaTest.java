package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.ValueKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.Transient;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;

/** Ordinary classes as models: no-arg constructor, inherited fields, transient fields. */
class ClassModelMetaTest {

    abstract static class Audited {
        Instant createdAt;
        Instant updatedAt;
    }

    abstract static class Entity extends Audited {
        @Id
        long id;
    }

    static class InvoiceNote extends Entity {
        private String text;
        transient int cacheHits;
        @Transient
        String preview;
        static int instances;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text.strip();
        }
    }

    @Test
    void inheritedFieldsComeFirstAndTransientsAreSkipped() {
        ModelMeta<InvoiceNote> meta = ModelMeta.of(InvoiceNote.class);
        assertThat(meta.isRecord()).isFalse();
        assertThat(meta.tableName()).isEqualTo("invoice_note");
        assertThat(meta.fields()).extracting(FieldMeta::name).containsExactly("createdAt", "updatedAt", "id", "text");
        assertThat(meta.fields()).extracting(FieldMeta::column).containsExactly("created_at", "updated_at", "id", "text");
        assertThat(meta.primaryKey().name()).isEqualTo("id");
        assertThat(meta.primaryKey().nullable()).isFalse();
        assertThat(meta.field("createdAt").orElseThrow().kind()).isEqualTo(ValueKind.TIMESTAMP);
    }
}
