package io.oxyde.metamodel;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The point of the metamodel: a lookup that does not fit a field's type, a value of the wrong
 * type or a condition on another model is a compile error. Each case compiles a one-line use
 * of the generated {@code Track_}/{@code Album_} and expects javac to refuse exactly that line;
 * the control case proves the same harness compiles correct uses.
 */
class MisuseDoesNotCompileTest {

    private static JavaFileObject user(String statement) {
        String user = """
                package shop;

                import io.oxyde.*;
                import io.oxyde.expression.*;
                import io.oxyde.metamodel.*;
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.util.List;

                public class User {
                    public Object use() {
                        return %s;
                    }
                }
                """.formatted(statement);
        return Samples.source(user);
    }

    private static Compilation compile(JavaFileObject user) {
        return Samples.compile(List.of(Samples.source(Samples.TRACK), Samples.source(Samples.ALBUM),
                Samples.source(Samples.ARTIST), Samples.source(Samples.GENRE), user));
    }

    @Test
    void correctUsesCompile() {
        assertThat(compile(user("List.of(Track_.NAME.icontains(\"x\"), Track_.MILLISECONDS.gte(300_000), Track_.ID.eq(1),"
                + " Track_.UNIT_PRICE.between(0.5, new BigDecimal(\"2\")), Album_.RELEASED.year(2020),"
                + " Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq(\"Queen\"),"
                + " Track_.ALBUM.then(Album_.RELEASED).gte(LocalDate.of(2000, 1, 1)), Track_.NAME.desc(),"
                + " Artist_.ALBUMS.then(Album_.TITLE).contains(\"Live\"), Track_.EXPLICIT.isTrue(),"
                + " Track_.GENRE.isNull(), Track_.ALBUM.eq(Ref.id(3L)),"
                + " Track_.ID.lt(Track_.MILLISECONDS.mul(20)), Track_.UNIT_PRICE.gte(Track_.MILLISECONDS.div(1000).neg()),"
                + " Album_.RELEASED.gt(Album_.RELEASED), Album_.TITLE.ne(Album_.TITLE),"
                + " Track_.ID.in(((Query<Track>) null).flatValues(Track_.MILLISECONDS)),"
                + " Track_.NAME.in(((Query<Album>) null).flatValues(Album_.TITLE)),"
                + " Assignments.of(Track_.MILLISECONDS, Track_.MILLISECONDS.mul(2).add(Track_.ID)),"
                + " Assignments.of(Track_.ID, 1).set(Track_.NAME, Upper.of(Track_.NAME)),"
                + " Case.when(Track_.NAME.eq(\"x\"), 1).orWhen(Track_.ID.gt(3), 2), OuterRef.of(Track_.ID), Lower.of(Track_.NAME))"))).succeeded();
    }

    @Test
    void typedRowsCarryTheFieldTypes() {
        String ok = """
                package shop;

                import io.oxyde.*;
                import io.oxyde.expression.*;
                import io.oxyde.metamodel.*;

                public class Rows {
                    public ValuesQuery<Row2<String, Integer>> rows(Query<Track> q) {
                        return q.values(Track_.NAME, Track_.MILLISECONDS);
                    }
                }
                """;
        assertThat(compile(Samples.source(ok))).succeeded();
        JavaFileObject wrong = Samples.source(ok.replace("Row2<String, Integer>", "Row2<String, String>"));
        Compilation c = compile(wrong);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("incompatible types").inFile(wrong).onLine(9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // text lookups do not exist on numbers
        "Track_.MILLISECONDS.icontains(\"x\")      | cannot find symbol",
        "Track_.UNIT_PRICE.startswith(\"1\")        | cannot find symbol",
        // date parts do not exist on text
        "Track_.NAME.year(2020)                    | cannot find symbol",
        // a number attribute is not compared with a String
        "Track_.MILLISECONDS.eq(\"300000\")         | java.lang.String cannot be converted to java.lang.Number",
        "Track_.MILLISECONDS.gt(\"1\")              | java.lang.String cannot be converted to java.lang.Number",
        // text is not compared with a number
        "Track_.NAME.eq(5)                         | argument mismatch; int cannot be converted to java.lang.String",
        // booleans are not ordered
        "Track_.EXPLICIT.gt(true)                  | cannot find symbol",
        // a date is compared with dates only
        "Album_.RELEASED.gte(\"2020-01-01\")        | argument mismatch; java.lang.String cannot be converted to java.time.LocalDate",
        // a path continues only with fields of the relation's target model
        "Track_.ALBUM.then(Artist_.NAME)           | no suitable method found for then",
        // a foreign key compares with a Ref of its target
        "Track_.ALBUM.eq(\"Queen\")                 | incompatible types: java.lang.String cannot be converted to io.oxyde.Ref<shop.Album>",
        // combining conditions of two models
        "Track_.NAME.eq(\"a\").and(Album_.TITLE.eq(\"b\")) | incompatible types: io.oxyde.metamodel.Condition<shop.Album> cannot be converted to io.oxyde.metamodel.Condition<shop.Track>",
        // a misspelt field
        "Track_.NAMES.eq(\"a\")                     | cannot find symbol",
        // the query builder takes conditions, orders and relations of its own model only
        "((Query<Track>) null).filter(Album_.TITLE.eq(\"x\"))  | no suitable method found for filter(io.oxyde.metamodel.Condition<shop.Album>)",
        "((Query<Track>) null).exclude(Album_.TITLE.eq(\"x\")) | no suitable method found for exclude(io.oxyde.metamodel.Condition<shop.Album>)",
        "((Query<Track>) null).orderBy(Album_.TITLE.desc())    | no suitable method found for orderBy(io.oxyde.metamodel.Order<shop.Album>)",
        "((Query<Track>) null).join(Track_.NAME)               | no suitable method found for join(io.oxyde.metamodel.TextAttribute<shop.Track>)",
        "((Query<Track>) null).values(Album_.TITLE)            | no suitable method found for values(io.oxyde.metamodel.TextAttribute<shop.Album>)",
        // aggregates and expressions over numbers only
        "Sum.of(Track_.NAME)                                   | no suitable method found for of(io.oxyde.metamodel.TextAttribute<shop.Track>)",
        "F.col(Track_.NAME)                                    | no suitable method found for col(io.oxyde.metamodel.TextAttribute<shop.Track>)",
        "Assignments.of(Track_.NAME, 5)                        | no suitable method found for of(io.oxyde.metamodel.TextAttribute<shop.Track>,int)",
        // typed column comparisons and arithmetic stay within one model and one value type
        "Track_.MILLISECONDS.gt(Album_.ID)                     | no suitable method found for gt(io.oxyde.metamodel.NumberAttribute<shop.Album,java.lang.Long>)",
        "Track_.ID.lt(Album_.ID.mul(2))                        | no suitable method found for lt(io.oxyde.metamodel.NumberExpression<shop.Album>)",
        "Track_.NAME.gt(Album_.TITLE)                          | no suitable method found for gt(io.oxyde.metamodel.TextAttribute<shop.Album>)",
        "Album_.RELEASED.gt(Track_.NAME)                       | no suitable method found for gt(io.oxyde.metamodel.TextAttribute<shop.Track>)",
        "Track_.NAME.mul(2)                                    | cannot find symbol",
        "Assignments.of(Track_.MILLISECONDS, Album_.ID.add(1)) | no suitable method found for of(io.oxyde.metamodel.NumberAttribute<shop.Track,java.lang.Integer>,io.oxyde.metamodel.NumberExpression<shop.Album>)",
        "Track_.NAME.in(((Query<Track>) null).flatValues(Track_.MILLISECONDS)) | no suitable method found for in(io.oxyde.ValuesQuery<java.lang.Integer>)",
    })
    void misuseIsACompileError(String statement, String error) {
        JavaFileObject user = user(statement.strip());
        Compilation c = compile(user);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(error.strip()).inFile(user).onLine(12);
        assertThat(c).hadErrorCount(1);
    }
}
