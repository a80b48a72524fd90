package io.oxyde.it;

import io.oxyde.ModelHooks;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A model with write hooks, recording every call. */
public record Note(Long id, @NotBlank String text) implements ModelHooks {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeSave() {
        if (text.equals("forbidden")) {
            throw new IllegalArgumentException("forbidden note");
        }
        EVENTS.add("beforeSave " + text);
    }

    @Override
    public void afterSave(Object saved) {
        EVENTS.add("afterSave " + ((Note) saved).id());
    }

    @Override
    public void beforeDelete() {
        EVENTS.add("beforeDelete " + id);
    }

    @Override
    public void afterDelete() {
        EVENTS.add("afterDelete " + id);
    }
}
