/** eventgate's programs run from their executable jars as processes, for the tests that need real processes. */
package io.eventgate.testprocesses;
