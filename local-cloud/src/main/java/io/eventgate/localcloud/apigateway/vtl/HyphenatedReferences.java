package io.eventgate.localcloud.apigateway.vtl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets mapping templates name headers, query-string and path parameters with hyphens, as API Gateway does:
 * {@code #set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")} or
 * {@code $input.params().header.Content-Type}.
 *
 * <p>Velocity's grammar ends an identifier at {@code -}, so such a reference would not parse. Before parsing, a
 * hyphenated name that directly follows a {@code header}, {@code headers}, {@code querystring} or {@code path} member
 * of a reference is rewritten into Velocity's index notation ({@code ...header["X-Amz-Target"]}), which reads and
 * {@code #set}s the same map entry. Nothing else changes: {@code $a-1}, {@code $list.size() - 1} and text such as
 * {@code $id-copy} keep Velocity's meaning, because only names inside those parameter maps can carry hyphens.
 */
final class HyphenatedReferences {

    /**
     * A reference (optionally quiet {@code $!} or formal <code>${</code>), its members (each maybe a no-argument call),
     * ending in one of the parameter maps, then a member name with at least one hyphen between word characters.
     */
    private static final Pattern HYPHENATED = Pattern.compile(
            "(\\$!?\\{?[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*(?:\\(\\))?)*"
                    + "\\.(?:header|headers|querystring|path))"
                    + "\\.([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)+)");

    private HyphenatedReferences() {
    }

    /** The template with every hyphenated parameter name in index notation; other text is left as it is. */
    static String rewrite(String template) {
        if (template.indexOf('-') < 0) {
            return template;
        }
        Matcher matcher = HYPHENATED.matcher(template);
        if (!matcher.find()) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "[\"" + matcher.group(2) + "\"]"));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
