/** The shared JSON mapper. */
package io.eventgate.localcloud.json;
