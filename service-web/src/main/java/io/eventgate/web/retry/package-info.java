/** How long both services pause between attempts, computed in one place ({@link io.eventgate.web.retry.Pauses}). */
package io.eventgate.web.retry;
