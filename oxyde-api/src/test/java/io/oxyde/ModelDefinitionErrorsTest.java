package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Index;
import io.oxyde.annotation.Json;
import io.oxyde.annotation.ManyToMany;
import io.oxyde.annotation.OneToMany;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migrate.ReferentialAction;

/** Mistakes in models are reported when the metadata is read, naming class and field. */
class ModelDefinitionErrorsTest {

    record Unsupported(Long id, Optional<String> nickname) {
    }

    @Test
    void unsupportedType() {
        assertThatThrownBy(() -> ModelMeta.of(Unsupported.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Unsupported.nickname")
                .hasMessageContaining("unsupported type java.util.Optional<java.lang.String>")
                .hasMessageContaining("@Json");
    }

    record TwoIds(@Id Long id, @Id Long other) {
    }

    record TwoIdsOneUuid(@Id Long id, @Id(strategy = io.oxyde.annotation.IdStrategy.UUID) java.util.UUID other) {
    }

    @Test
    void twoPrimaryKeysMakeACompositeKeyChosenByTheApplication() {
        ModelMeta<TwoIds> meta = ModelMeta.of(TwoIds.class);
        assertThat(meta.hasCompositeKey()).isTrue();
        assertThat(meta.primaryKeys()).extracting(f -> f.name()).containsExactly("id", "other");
        assertThat(meta.primaryKeys()).allSatisfy(f -> assertThat(f.idStrategy()).isEqualTo(io.oxyde.annotation.IdStrategy.CLIENT));
        assertThatThrownBy(() -> ModelMeta.of(TwoIdsOneUuid.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("TwoIdsOneUuid.other").hasMessageContaining("strategy = UUID");
    }

    record NoKey(String name) {
    }

    @Test
    void missingPrimaryKey() {
        assertThatThrownBy(() -> ModelMeta.of(NoKey.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("NoKey has no primary key: annotate a field with @Id or name it id");
    }

    static class NotAModel {
        String value;
    }

    record PointsAtValue(Long id, Ref<NotAModel> thing) {
    }

    record HoldsValue(Long id, NotAModel thing) {
    }

    @Test
    void foreignKeyToANonModel() {
        assertThatThrownBy(() -> ModelMeta.of(PointsAtValue.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("PointsAtValue.thing: the foreign key target")
                .hasMessageContaining("NotAModel is not a model")
                .hasMessageContaining("NotAModel has no primary key");
        assertThatThrownBy(() -> ModelMeta.of(HoldsValue.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("HoldsValue.thing")
                .hasMessageContaining("annotate it with @Json");
    }

    record AutoString(@Id String id) {
    }

    record UuidOnLong(@Id(strategy = IdStrategy.UUID) Long id) {
    }

    @Test
    void strategyNeedsAFittingType() {
        assertThatThrownBy(() -> ModelMeta.of(AutoString.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("AutoString.id: @Id(strategy = AUTO)")
                .hasMessageContaining("needs an integer field, not String");
        assertThatThrownBy(() -> ModelMeta.of(UuidOnLong.class))
                .hasMessageContaining("UuidOnLong.id: @Id(strategy = UUID) needs a java.util.UUID field, not Long");
    }

    abstract static class Base {
        Long id;
    }

    static class NoDefaultConstructor {
        Long id;

        NoDefaultConstructor(Long id) {
            this.id = id;
        }
    }

    @Test
    void classesThatCannotBeModels() {
        assertThatThrownBy(() -> ModelMeta.of(Base.class)).hasMessageContaining("it is abstract");
        assertThatThrownBy(() -> ModelMeta.of(Runnable.class)).hasMessageContaining("models are records or classes");
        assertThatThrownBy(() -> ModelMeta.of(NoDefaultConstructor.class))
                .hasMessageContaining("NoDefaultConstructor needs a no-argument constructor");
    }

    @Table(indexes = @Index(columns = {"name", "nope"}))
    record BadIndex(Long id, String name) {
    }

    @Table(uniqueTogether = @Unique({"missing"}))
    record BadUnique(Long id, String name) {
    }

    @Test
    void constraintsNameUnknownFields() {
        assertThatThrownBy(() -> ModelMeta.of(BadIndex.class))
                .hasMessage("BadIndex: @Index names unknown field \"nope\" (fields: [id, name])");
        assertThatThrownBy(() -> ModelMeta.of(BadUnique.class))
                .hasMessage("BadUnique: @Unique names unknown field \"missing\" (fields: [id, name])");
    }

    record Clash(Long id, String userName, @Column(name = "user_name") String other) {
    }

    @Test
    void twoFieldsOnOneColumn() {
        assertThatThrownBy(() -> ModelMeta.of(Clash.class))
                .hasMessage("Clash: fields userName and other both map to column \"user_name\"");
    }

    record Parent(Long id, @OneToMany(mappedBy = "nothing") List<Child> children) {
    }

    record Child(Long id, Ref<Parent> mother, Ref<Parent> father) {
    }

    record Orphanage(Long id, List<Child> children) {
    }

    @Test
    void reverseRelationsMustFindTheirForeignKey() {
        assertThatThrownBy(() -> ModelMeta.of(Parent.class))
                .hasMessage("Parent.children: mappedBy = \"nothing\" is not a field of Child");
        assertThatThrownBy(() -> ModelMeta.of(Orphanage.class))
                .hasMessage("Orphanage.children: Child has no foreign key to Orphanage; add one");
    }

    record Couple(Long id, List<Kid> kids) {
    }

    record Kid(Long id, Ref<Couple> mother, Ref<Couple> father) {
    }

    record Person(Long id, @ManyToMany(through = Friendship.class) List<Person> friends) {
    }

    record Friendship(Long id, Ref<Person> from, Ref<Person> to) {
    }

    @Test
    void ambiguousRelations() {
        assertThatThrownBy(() -> ModelMeta.of(Couple.class))
                .hasMessage("Couple.kids: Kid has 2 foreign keys [mother, father] to Couple; set mappedBy to one of them");
        assertThatThrownBy(() -> ModelMeta.of(Person.class))
                .hasMessage("Person.friends: a many-to-many relation of a model to itself must name both sourceField"
                        + " and targetField of Friendship");
    }

    record SetNullNotNull(Long id, @jakarta.validation.constraints.NotNull
            @ForeignKey(onDelete = ReferentialAction.SET_NULL) Ref<NoKeyTarget> target) {
    }

    record NoKeyTarget(UUID id) {
    }

    record ForeignKeyOnScalar(Long id, @ForeignKey Long artist) {
    }

    record RawRef(Long id, @SuppressWarnings("rawtypes") Ref target) {
    }

    @Test
    void foreignKeyAnnotationMistakes() {
        assertThatThrownBy(() -> ModelMeta.of(SetNullNotNull.class))
                .hasMessage("SetNullNotNull.target: onDelete = SET_NULL needs a nullable foreign key");
        assertThatThrownBy(() -> ModelMeta.of(ForeignKeyOnScalar.class))
                .hasMessage("ForeignKeyOnScalar.artist: @ForeignKey needs a Ref<Model> or model-typed field, not java.lang.Long");
        assertThatThrownBy(() -> ModelMeta.of(RawRef.class))
                .hasMessageContaining("RawRef.target: a Ref field needs a concrete model type argument");
    }
}
