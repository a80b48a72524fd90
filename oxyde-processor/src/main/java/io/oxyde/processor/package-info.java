/**
 * The Oxyde annotation processor. {@link io.oxyde.processor.MetamodelProcessor} generates, for
 * every model in a compilation, a companion class ({@code Track_} for {@code Track}) holding one
 * typed attribute per column and relation, so queries written with them are checked by the
 * compiler. It reads only {@code javax.lang.model} elements and needs nothing from oxyde-api at
 * run time; the generated code uses oxyde-api's attribute types.
 */
package io.oxyde.processor;
