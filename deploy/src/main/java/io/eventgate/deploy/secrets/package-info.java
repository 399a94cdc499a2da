/** Secrets generated at deployment, the one way the app makes a key or a password. */
package io.eventgate.deploy.secrets;
