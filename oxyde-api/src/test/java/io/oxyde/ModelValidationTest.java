package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.chinook.Album;
import io.oxyde.chinook.Customer;
import io.oxyde.chinook.Track;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.FieldViolation;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.exception.ValidationException;
import io.oxyde.F;
import io.oxyde.validation.ModelValidation;

class ModelValidationTest {

    @Test
    void validModelPasses() {
        assertThatCode(() -> ModelValidation.validate(new Album(null, "Back in Black", Ref.id(1L)))).doesNotThrowAnyException();
    }

    @Test
    void everyViolationIsListed() {
        Track bad = new Track(null, " ", null, null, null, "x".repeat(221), -1, null, new BigDecimal("123456789.999"));
        assertThatThrownBy(() -> ModelValidation.validate(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.modelClass()).isEqualTo(Track.class);
                    assertThat(e.violations()).extracting(FieldViolation::path, FieldViolation::constraint).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("composer", "Size"),
                            org.assertj.core.groups.Tuple.tuple("mediaType", "NotNull"),
                            org.assertj.core.groups.Tuple.tuple("milliseconds", "PositiveOrZero"),
                            org.assertj.core.groups.Tuple.tuple("name", "NotBlank"),
                            org.assertj.core.groups.Tuple.tuple("unitPrice", "Digits"));
                    assertThat(e.violations()).filteredOn(v -> v.path().equals("milliseconds"))
                            .singleElement().extracting(FieldViolation::invalidValue).isEqualTo(-1);
                    assertThat(e.getMessage()).startsWith("Track is invalid (5 violations)")
                            .contains("\n  name: ").contains("(was \" \")")
                            .contains("\n  unitPrice: ").contains("(was 123456789.999)");
                });
    }

    @Test
    void singleViolationMessage() {
        assertThatThrownBy(() -> ModelValidation.validate(new Album(1L, "", Ref.id(1L))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Album is invalid (1 violation)\n  title: ");
    }

    @Test
    void partialValidationOfUpdateValues() {
        Map<String, Object> values = new HashMap<>();
        values.put("email", "not an email");
        values.put("firstName", null);
        values.put("city", "Paris");
        assertThatThrownBy(() -> ModelValidation.validateValues(Customer.class, values))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::path, FieldViolation::constraint)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "Email"),
                                org.assertj.core.groups.Tuple.tuple("firstName", "NotBlank")));
        assertThatCode(() -> ModelValidation.validateValues(Customer.class, Map.of("city", "Paris", "email", "a@b.fr")))
                .doesNotThrowAnyException();
    }

    @Test
    void updateValuesThatAreNotOfTheFieldTypeAreLeftToTheDatabase() {
        Object expression = new Object() {
            @Override
            public String toString() {
                return "F(milliseconds) * 2";
            }
        };
        assertThatCode(() -> ModelValidation.validateValues(Track.class, Map.of("milliseconds", expression)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ModelValidation.validateValues(Track.class, Map.of("milliseconds", -5)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownFieldInUpdateValues() {
        assertThatThrownBy(() -> ModelValidation.validateValues(Album.class, Map.of("titel", "x")))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("Album has no column field \"titel\" (fields: [id, title, artist])");
    }
}
