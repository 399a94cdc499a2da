/**
 * The rules every string field of the services' APIs follows ({@link io.eventgate.web.text.TextRules}), usable
 * directly or as the Bean Validation constraint {@link io.eventgate.web.text.PlainText}.
 */
package io.eventgate.web.text;
