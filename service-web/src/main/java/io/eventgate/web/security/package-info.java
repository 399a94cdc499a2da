/**
 * Building blocks for the services' Spring Security configurations: {@link io.eventgate.web.security.SecretCheck}
 * compares a presented secret in constant time; {@link io.eventgate.web.security.SingleUserAuthenticationProvider}
 * authenticates HTTP Basic against one configured user with it; {@link io.eventgate.web.security.ProblemSecurityHandlers}
 * hands Spring Security's 401 and 403 to the service's problem-details handler, so they are problem+json too.
 */
package io.eventgate.web.security;
