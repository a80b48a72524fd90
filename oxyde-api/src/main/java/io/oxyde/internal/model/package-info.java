/**
 * Reading model classes: the per-class shape (fields, roles, columns, handles), the resolved
 * metadata behind {@link io.oxyde.meta.ModelMeta}, and the naming conventions. Everything is computed
 * once per class and cached in {@link java.lang.ClassValue}s.
 */
package io.oxyde.internal.model;
