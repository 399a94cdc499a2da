package io.eventgate.localcloud.apigateway.vtl;

import io.eventgate.localcloud.json.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code $util} in a mapping template. Arguments are taken as objects and read as text, as VTL passes them. */
public final class VtlUtil {

    private static final Logger log = LoggerFactory.getLogger(VtlUtil.class);

    /**
     * Escapes text by JavaScript string rules, as AWS does: quotes, backslash, slash, control characters, and every
     * character outside printable ASCII as {@code \\uXXXX}.
     *
     * <p>⚠ Like AWS, a single quote becomes {@code \'}, which is not a valid JSON escape: a template that embeds
     * the result in JSON breaks on bodies containing {@code '} unless it undoes that. A WARN names the trap.
     */
    public String escapeJavaScript(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean singleQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> {
                    out.append("\\'");
                    singleQuote = true;
                }
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (singleQuote) {
            log.warn("$util.escapeJavaScript turned ' into \\' as AWS does; that escape is not valid inside JSON "
                    + "(known API Gateway trap: follow it with .replaceAll(\"\\\\'\", \"'\") when building JSON)");
        }
        return out.toString();
    }

    /** Parses JSON text into maps, lists and values a template can navigate. */
    public Object parseJson(Object json) {
        return Json.MAPPER.convertValue(Json.parse(String.valueOf(json)), Object.class);
    }

    public String urlEncode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    public String urlDecode(Object value) {
        return URLDecoder.decode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    public String base64Encode(Object value) {
        return Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(Object value) {
        return new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8);
    }
}
