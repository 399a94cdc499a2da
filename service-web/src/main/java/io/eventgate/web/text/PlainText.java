package io.eventgate.web.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated string (when not {@code null}) follows {@link TextRules}; the violation says which rule it broke. */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "is not plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
