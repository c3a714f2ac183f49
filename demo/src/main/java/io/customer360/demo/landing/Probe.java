package io.customer360.demo.landing;

/** Looks at the lake once for what became of the landed file. */
@FunctionalInterface
interface Probe {

  Observation observe();
}
