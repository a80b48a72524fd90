package io.oxyde.internal.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.FieldException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Paths are cut at every {@code __} exactly as {@code String.split} with a literal pattern would cut them. */
class PathSyntaxTest {

    private static final Pattern LITERAL = Pattern.compile("__", Pattern.LITERAL);

    @Test
    void partsAndHeadCutLikeALiteralSplit() {
        for (String path : List.of("id", "id__gte", "album__artist__name__icontains", "a___b", "a____b", "a__", "__a",
                "__", "data__owner__isnull", "x_y__z")) {
            assertThat(PathSyntax.parts(path)).as(path).containsExactly(LITERAL.split(path, -1));
            assertThat(PathSyntax.head(path)).as(path).containsExactly(LITERAL.split(path, 2));
        }
    }

    @Test
    void splitRefusesEmptyParts() {
        assertThatThrownBy(() -> PathSyntax.split(Object.class, "album____name", List.of("album")))
                .isInstanceOf(FieldException.class).hasMessageContaining("an empty part");
        assertThat(PathSyntax.split(Object.class, "album__name", List.of())).containsExactly("album", "name");
    }
}
