/**
 * Refusals the web server makes before (or instead of) the application: a malformed request line, an encoded
 * {@code /}, {@code ..} or NUL in the path, a header over the size limit, TRACE, an exception no handler caught.
 * Tomcat renders those with its host's error-report valve; {@link io.eventgate.web.container.ProblemReportValve}
 * replaces that valve so they are RFC 9457 problem details like every other error of the services.
 */
package io.eventgate.web.container;
