package io.eventgate.infra.outputs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OutputsFileTest {

    @TempDir
    Path directory;

    @Test
    void writesVariablesThatReadBackAndOnlyItsOwnerCanRead() throws Exception {
        OutputsFile file = new OutputsFile(directory.resolve("nested/.env"));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("GATEWAY_URL", "http://localhost:4566/_aws/execute-api/eventgate/local/events");
        variables.put("CARRIER_GATEWAY_API_KEY", "k-0123456789abcdef0123");

        file.write(variables);

        assertThat(file.read()).isEqualTo(variables);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(Files.readString(file.path())).startsWith("# Written by gateway-infra");
    }

    @Test
    void keepsASecretWithoutLosingTheOtherVariables() {
        OutputsFile file = new OutputsFile(directory.resolve(".env"));
        file.write(Map.of("GATEWAY_URL", "http://x"));

        file.keep("CARRIER_INBOUND_API_KEY", "generated-0123456789abcdef");

        assertThat(file.read()).containsEntry("GATEWAY_URL", "http://x")
                .containsEntry("CARRIER_INBOUND_API_KEY", "generated-0123456789abcdef");
    }

    @Test
    void readsQuotedValuesAndSkipsComments() throws Exception {
        Path path = directory.resolve(".env");
        Files.writeString(path, "# comment\n\nA=\"quoted value\"\nB='single'\nC=plain\n");

        assertThat(new OutputsFile(path).read()).containsExactly(Map.entry("A", "quoted value"),
                Map.entry("B", "single"), Map.entry("C", "plain"));
    }

    @Test
    void readsNothingWhenThereIsNoFile() {
        assertThat(new OutputsFile(directory.resolve("missing.env")).read()).isEmpty();
    }
}
