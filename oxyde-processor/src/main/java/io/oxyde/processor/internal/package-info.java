/**
 * Implementation of the metamodel processor: reading a model's fields into attribute
 * descriptions ({@link io.oxyde.processor.internal.ModelScanner}) and rendering the companion
 * source ({@link io.oxyde.processor.internal.MetamodelWriter}). Not API.
 */
package io.oxyde.processor.internal;
