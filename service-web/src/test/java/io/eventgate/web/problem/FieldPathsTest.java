package io.eventgate.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class FieldPathsTest {

    record Item(int quantity) {
    }

    record Order(java.util.List<Item> items) {
    }

    @Test
    void readsJsonPointersAsClientsWritePaths() {
        assertThat(FieldPaths.fromPointer("/items/0/quantity")).isEqualTo("items[0].quantity");
        assertThat(FieldPaths.fromPointer("/a~1b/c~0d")).isEqualTo("a/b.c~d");
        assertThat(FieldPaths.fromPointer("")).isEmpty();
    }

    @Test
    void readsJacksonErrorsTheSameWay() {
        try {
            JsonMapper.builder().build().readValue("{\"items\":[{\"quantity\":\"x\"}]}", Order.class);
        } catch (MismatchedInputException e) {
            assertThat(FieldPaths.of(e)).isEqualTo("items[0].quantity");
            return;
        }
        throw new AssertionError("the body must not bind");
    }

    @Test
    void namesTheBodyWhenAnErrorHasNoPath() {
        try {
            JsonMapper.builder().build().readValue("\"text\"", Order.class);
        } catch (MismatchedInputException e) {
            assertThat(FieldPaths.of(e)).isEqualTo(FieldPaths.BODY);
            return;
        }
        throw new AssertionError("the body must not bind");
    }
}
