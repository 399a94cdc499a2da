package io.eventgate.localcloud.apigateway.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgate.localcloud.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTemplatesTest {

    private final MappingTemplates templates = new MappingTemplates();

    private String render(String template, String body) {
        return templates.render(template, new VtlInput(body, VtlInput.emptyParams()), new LinkedHashMap<>(), Map.of());
    }

    @Test
    void escapesJavaScriptLikeAws() {
        VtlUtil util = new VtlUtil();

        assertThat(util.escapeJavaScript("a\"b\\c/d\n\te'f")).isEqualTo("a\\\"b\\\\c\\/d\\n\\te\\'f");
        assertThat(util.escapeJavaScript("Zoë 東京")).isEqualTo("Zo\\u00EB \\u6771\\u4EAC");
        assertThat(util.escapeJavaScript("🚚")).isEqualTo("\\uD83D\\uDE9A");
    }

    @Test
    void escapedTextEmbeddedInJsonReadsBackUnchanged() {
        String text = "line one\nsaid \"hi\" \\ Zoë → 東京 🚚";
        String body = Json.text(Json.object().put("text", text));

        String rendered = render("{\"copy\": \"$util.escapeJavaScript($input.path('$.text'))\"}", body);

        assertThat(Json.parse(rendered).get("copy").asString()).isEqualTo(text);
    }

    @Test
    void readsTheBodyByJsonPath() {
        String body = "{\"a\": {\"b\": [10, 20, {\"c\": \"x\"}]}, \"s\": \"text\"}";

        assertThat(render("$input.json('$.a.b[1]')|$input.path('$.a.b[2].c')|$input.json('$.s')|$input.path('$.s')",
                body)).isEqualTo("20|x|\"text\"|text");
        assertThat(render("$input.json('$.missing')|$input.path('$.a.b').size()|$input.json('$.a.b[*]')", body))
                .isEqualTo("null|3|[10,20,{\"c\":\"x\"}]");
        assertThat(render("$input.body", body)).isEqualTo(body);
    }

    @Test
    void offersUtilFunctions() {
        assertThat(render("$util.urlEncode('a b&c')|$util.urlDecode('a%20b')|$util.base64Encode('hi')|"
                + "$util.base64Decode('aGk=')|$util.parseJson('{\"k\": [1]}').k.get(0)", "{}"))
                .isEqualTo("a+b%26c|a b|aGk=|hi|1");
    }

    @Test
    void letsTemplatesWriteOverridesIntoTheContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> override = new LinkedHashMap<>();
        context.put("responseOverride", override);

        templates.render("#set($context.responseOverride.status = 502)", new VtlInput("{}", VtlInput.emptyParams()),
                context, Map.of());

        assertThat(override).containsEntry("status", 502);
    }

    @Test
    void keepsTemplatesAwayFromClassesAndTheRuntime() {
        String rendered = render("$input.getClass().forName('java.lang.Runtime')", "{}");

        assertThat(rendered).doesNotContain("class java.lang.Runtime");
    }

    @Test
    void reportsATemplateThatDoesNotParse() {
        assertThatThrownBy(() -> templates.check("#if(")).isInstanceOf(MappingTemplates.TemplateException.class);
    }
}
