package io.eventgate.localcloud.apigateway.vtl;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * Renders API Gateway mapping templates with Apache Velocity. Each distinct template text is parsed once and cached;
 * rendering is thread-safe.
 *
 * <p>Configured to behave like the Velocity 1.7 API Gateway runs: 1.7 whitespace handling, {@code #if} true for
 * any non-null value (an empty string included), and hyphens in identifiers (templates set headers such as
 * {@code $context.responseOverride.header.x-amzn-ErrorType}). Introspection is restricted so a template cannot reach classes,
 * class loaders, threads or the runtime.
 */
public final class MappingTemplates {

    /** At most this many distinct templates stay parsed; beyond it the cache starts over (APIs have a handful). */
    private static final int CACHE_LIMIT = 4096;

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final Map<String, Template> cache = new ConcurrentHashMap<>();
    private final VtlUtil util = new VtlUtil();

    public MappingTemplates() {
        velocity.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        velocity.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
        velocity.setProperty("directive.if.empty_check", false);
        velocity.setProperty("parser.allow_hyphen_in_identifiers", true);
        velocity.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, false);
        velocity.setProperty(RuntimeConstants.RUNTIME_LOG_NAME, "io.eventgate.localcloud.apigateway.vtl.velocity");
        velocity.init();
    }

    /** A template that does not parse or fails while rendering; the message says where. */
    public static final class TemplateException extends RuntimeException {
        TemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Renders a template.
     *
     * @param input          {@code $input}
     * @param context        {@code $context}, as nested maps; templates may write into it ({@code responseOverride})
     * @param stageVariables {@code $stageVariables}
     */
    public String render(String template, VtlInput input, Map<String, Object> context,
                         Map<String, String> stageVariables) {
        VelocityContext variables = new VelocityContext();
        variables.put("input", input);
        variables.put("util", util);
        variables.put("context", context);
        variables.put("stageVariables", stageVariables);
        StringWriter out = new StringWriter();
        try {
            parsed(template).merge(variables, out);
        } catch (VelocityException e) {
            throw new TemplateException("mapping template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Parses a template (or throws {@link TemplateException} saying why it does not parse). */
    public void check(String template) {
        parsed(template);
    }

    private Template parsed(String text) {
        Template cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        Template template = new Template();
        template.setRuntimeServices(velocity);
        template.setName("mapping-template");
        try {
            template.setData(velocity.parse(new StringReader(text), template));
            template.initDocument();
        } catch (ParseException | VelocityException e) {
            throw new TemplateException("mapping template does not parse: " + e.getMessage(), e);
        }
        cache.put(text, template);
        return template;
    }
}
