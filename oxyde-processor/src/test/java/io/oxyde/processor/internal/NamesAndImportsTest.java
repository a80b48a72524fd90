package io.oxyde.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming rule (shared with the runtime) and the import bookkeeping of generated files. */
class NamesAndImportsTest {

    @Test
    void constantsFollowTheRuntimeSnakeCaseRule() {
        assertThat(Names.snakeCase("unitPrice")).isEqualTo("unit_price");
        assertThat(Names.snakeCase("userID")).isEqualTo("user_id");
        assertThat(Names.snakeCase("HTMLParser")).isEqualTo("html_parser");
        assertThat(Names.snakeCase("address2")).isEqualTo("address2");
        assertThat(Names.constant("reportsTo")).isEqualTo("REPORTS_TO");
        assertThat(Names.constant("id")).isEqualTo("ID");
    }

    @Test
    void importsAreSortedAndAClashingSimpleNameStaysQualified() {
        Imports imports = new Imports("shop", List.of("Track_", "Track"));
        assertThat(imports.name(TypeRef.of("java.util", "List"))).isEqualTo("List");
        assertThat(imports.name(TypeRef.of("java.awt", "List"))).isEqualTo("java.awt.List");
        assertThat(imports.name(TypeRef.of("java.lang", "Long"))).isEqualTo("Long");
        assertThat(imports.name(TypeRef.of("shop", "Album"))).isEqualTo("Album");
        assertThat(imports.name(TypeRef.of("other", "Track"))).isEqualTo("other.Track");
        assertThat(imports.name(TypeRef.of("shop", "Track", "Mood"))).isEqualTo("Track.Mood");
        assertThat(imports.name(TypeRef.of("io.oxyde.metamodel", "TextAttribute"))).isEqualTo("TextAttribute");
        assertThat(imports.lines()).containsExactly("io.oxyde.metamodel.TextAttribute", "java.util.List");
    }

    @Test
    void genericWildcardAndArrayTypesAreWrittenInFull() {
        Imports imports = new Imports("shop", List.of("Doc_"));
        TypeRef map = new TypeRef("java.util", List.of("Map"), List.of(TypeRef.of("java.lang", "String"),
                new TypeRef("", List.of("?"), List.of(), 0, "extends", TypeRef.of("java.lang", "Number"))), 0, null, null);
        assertThat(imports.name(map)).isEqualTo("Map<String, ? extends Number>");
        assertThat(imports.name(new TypeRef("", List.of("byte"), List.of(), 1, null, null))).isEqualTo("byte[]");
        assertThat(MetamodelWriter.metamodelName("Outer.Inner")).isEqualTo("Outer_Inner_");
    }
}
