package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.FieldException;
import io.oxyde.exception.MappingException;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.exception.MultipleObjectsReturnedException;
import io.oxyde.exception.NotFoundException;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.exception.TransactionTimeoutException;
import io.oxyde.exception.ValidationException;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Mistakes fail when the query is built, with the model, the field and the valid choices. */
class BuildErrorsTest {

    @AllDatabases
    void unknownFieldsNameModelAndChoices(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).filter("lenght__gt", 5))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.model()).isEqualTo(Track.class);
                    assertThat(e.field()).isEqualTo("lenght");
                    assertThat(e.choices()).contains("milliseconds", "name", "album");
                }).hasMessageContaining("Track.lenght: unknown field");
        assertThatThrownBy(() -> db.objects(Track.class).filter("album__nope", 5))
                .isInstanceOf(FieldException.class).hasMessageContaining("Album.nope").hasMessageContaining("title");
        assertThatThrownBy(() -> db.objects(Track.class).orderBy("-nope")).isInstanceOf(FieldException.class)
                .hasMessageContaining("Track.nope");
        assertThatThrownBy(() -> db.objects(Track.class).filter(Q.of("x", 1).or(Q.of("name", "a"))))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.x");
        assertThatThrownBy(() -> db.objects(Track.class).select("nope")).isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> db.objects(Track.class).values("album__nope")).isInstanceOf(FieldException.class)
                .hasMessageContaining("Album.nope");
    }

    @AllDatabases
    void argumentsAreCheckedAtTheCallNotWhenRun(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).limit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit(n) needs n >= 0, got -1");
        assertThatThrownBy(() -> db.objects(Track.class).offset(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset(n)");
        assertThatThrownBy(() -> db.objects(Track.class).values("name").limit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit(n)");
        assertThatThrownBy(() -> db.objects(Track.class).slice(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slice(from, to)");
        assertThatThrownBy(() -> db.objects(Track.class).slice(5, 2)).isInstanceOf(IllegalArgumentException.class);
        // NULL never compares: Django refuses None for every lookup but exact ("use isnull")
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__gt", null))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"gt\" cannot compare with null")
                .hasMessageContaining("milliseconds__isnull");
        assertThatThrownBy(() -> db.objects(Track.class).filter(Q.of("name__startswith", null)))
                .isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__range", java.util.Arrays.asList(1, null)))
                .isInstanceOf(FieldException.class).hasMessageContaining("null bound");
        // month 13 or day 32 would match nothing without saying so
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__month", 13))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"month\" needs 1..12, got 13");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__month", 0))
                .isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__day", 32))
                .isInstanceOf(FieldException.class).hasMessageContaining("1..31");
        // the edges are still accepted, and exact/ne null still mean IS [NOT] NULL
        assertThat(await(db.objects(Invoice.class).filter("invoiceDate__month", 12).count())).isPositive();
        assertThat(await(db.objects(Track.class).filter("composer", null).count())).isZero(); // Chinook: "" not NULL
        assertThat(await(db.objects(Track.class).exclude("composer", null).count())).isEqualTo(3503);
        assertThat(await(db.objects(Track.class).limit(0).all())).isEmpty();
    }

    @AllDatabases
    void theOtherBoundsAndNullsAreRefusedAtTheCallToo(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).values("name").offset(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset(n) needs n >= 0, got -1");
        assertThatThrownBy(() -> db.objects(Track.class).offset(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset(n) needs n >= 0, got -1");
        assertThatThrownBy(() -> db.objects(Track.class).slice(0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slice(from, to) needs 0 <= from <= to, got 0..-1");
        // every ordered lookup but exact/ne refuses null; a list lookup refuses a missing list
        for (String lookup : List.of("gte", "lt", "lte")) {
            assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__" + lookup, null))
                    .as(lookup).isInstanceOf(FieldException.class)
                    .hasMessageContaining("\"" + lookup + "\" cannot compare with null");
        }
        assertThatThrownBy(() -> db.objects(Track.class).filter("id__in", null))
                .isInstanceOf(FieldException.class).hasMessageContaining("a Collection or an array");
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__icontains", null))
                .isInstanceOf(FieldException.class).hasMessageContaining("String");
        assertThatThrownBy(() -> db.objects(Track.class).filter("composer__isnull", null))
                .isInstanceOf(FieldException.class).hasMessageContaining("Boolean");
        // the date parts' other edges, through Q and through the typed metamodel
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__day", 0))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"day\" needs 1..31, got 0");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__year", 0))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"year\" needs 1..9998, got 0");
        // 9999 has no exclusive upper bound every database can compare (10000-01-01): refused at the
        // call, where it used to be accepted and then refused by the renderer when run
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("invoiceDate__year", 9999))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"year\" needs 1..9998, got 9999");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter(Q.of("invoiceDate__month", 13).or(Q.of("total__gt", 1))))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"month\" needs 1..12, got 13");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter(io.oxyde.chinook.Invoice_.INVOICE_DATE.month(0)))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"month\" needs 1..12, got 0");
        // the edges themselves run: 7 of Chinook's invoices are dated on a 31st (ChinookData.json)
        assertThat(await(db.objects(Invoice.class).filter("invoiceDate__day", 31).count())).isEqualTo(7);
        assertThat(await(db.objects(Invoice.class).filter("invoiceDate__year", 9998).count())).isZero();
    }

    @AllDatabases
    void lookupsMustFitTheFieldType(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__icontains", "3"))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices()).contains("gt", "in").doesNotContain("icontains"))
                .hasMessageContaining("Track.milliseconds").hasMessageContaining("icontains").hasMessageContaining("int");
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__year", 2020))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.name").hasMessageContaining("year")
                .hasMessageContaining("String");
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__like", "x"))
                .isInstanceOf(FieldException.class).hasMessageContaining("unknown lookup \"like\"").hasMessageContaining("icontains");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("total__startswith", "1"))
                .isInstanceOf(FieldException.class).hasMessageContaining("Invoice.total");
    }

    @AllDatabases
    void valuesMustHaveTheFieldType(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds", "long"))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.milliseconds").hasMessageContaining("Integer")
                .hasMessageContaining("String");
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__in", List.of("a", 3)))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.name");
        assertThatThrownBy(() -> db.objects(Track.class).filter("id__range", List.of(1)))
                .isInstanceOf(FieldException.class).hasMessageContaining("two values");
        assertThatThrownBy(() -> db.objects(Track.class).filter("composer__isnull", "yes"))
                .isInstanceOf(FieldException.class).hasMessageContaining("Boolean");
        assertThatThrownBy(() -> db.objects(Album.class).filter("artist", "AC/DC"))
                .isInstanceOf(FieldException.class).hasMessageContaining("Long");
        assertThatThrownBy(() -> await(db.objects(Track.class).update(Map.of("lenght", 1))))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.lenght");
    }

    @AllDatabases
    void everyFailureIsAnOxydeExceptionAndAwaitUnwraps(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> await(db.objects(Track.class).get("id", 0))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> await(db.objects(Track.class).using("no_such_pool").count()))
                .isInstanceOf(PoolNotFoundException.class).isInstanceOf(OxydeException.class);
        CompletableFuture<Object> wrapped = CompletableFuture.failedFuture(new CompletionException(new NotFoundException(Track.class, "x")));
        assertThatThrownBy(() -> await(wrapped)).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void apiExceptionsShareTheDriverBase() {
        for (Class<?> c : List.of(FieldException.class, MappingException.class, ModelDefinitionException.class,
                ValidationException.class, NotFoundException.class, MultipleObjectsReturnedException.class, TransactionTimeoutException.class)) {
            assertThat(OxydeException.class).as(c.getSimpleName()).isAssignableFrom(c);
        }
    }
}
