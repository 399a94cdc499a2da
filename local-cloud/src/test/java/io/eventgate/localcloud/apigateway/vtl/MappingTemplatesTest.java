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
    void setsHyphenatedOverrideHeadersAsApiGatewayDoes() {
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> header = new LinkedHashMap<>();
        context.put("requestOverride", new LinkedHashMap<>(Map.of("header", header)));

        String rendered = templates.render("""
                #set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")
                #set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")
                ${context.requestOverride.header.X-Amz-Target}|$context.requestOverride.header.Content-Type|\
                $!context.requestOverride.header.X-Missing-Header""",
                new VtlInput("{}", VtlInput.emptyParams()), context, Map.of());

        assertThat(header).containsEntry("X-Amz-Target", "AWSEvents.PutEvents")
                .containsEntry("Content-Type", "application/x-amz-json-1.1");
        assertThat(rendered.strip()).isEqualTo("AWSEvents.PutEvents|application/x-amz-json-1.1|");
    }

    @Test
    void readsHyphenatedRequestParameters() {
        Map<String, Map<String, String>> params = new LinkedHashMap<>(VtlInput.emptyParams());
        params.put("header", Map.of("X-Correlation-Id", "c-1"));
        params.put("querystring", Map.of("page-size", "20"));

        String rendered = templates.render("$input.params().header.X-Correlation-Id/"
                        + "$input.params().querystring.page-size/$input.params('X-Correlation-Id')",
                new VtlInput("{}", params), new LinkedHashMap<>(), Map.of());

        assertThat(rendered).isEqualTo("c-1/20/c-1");
    }

    @Test
    void keepsArithmeticWorkingAndReadsHyphensAsPartOfANameAsVelocity17Does() {
        String body = "{\"items\": [1, 2, 3], \"id\": \"o-1\"}";

        assertThat(render("#set($n = $input.path('$.items').size() - 1)#set($m = $n - 1)#set($k = 10-$n)$n|$m|$k",
                body)).isEqualTo("2|1|8");
        assertThat(render("#foreach($i in $input.path('$.items'))${i}-#end|#set($d = 3 * 2 - 1)$d", body))
                .isEqualTo("1-2-3-|5");
        // API Gateway runs Velocity 1.7, where a hyphen continues a name: $id-copy is the (unset) variable id-copy.
        assertThat(render("#set($id = $input.path('$.id'))$id-copy|${id}-copy|$id - 1", body))
                .isEqualTo("$id-copy|o-1-copy|o-1 - 1");
    }

    @Test
    void reportsATemplateThatDoesNotParse() {
        assertThatThrownBy(() -> templates.check("#if(")).isInstanceOf(MappingTemplates.TemplateException.class);
    }
}
