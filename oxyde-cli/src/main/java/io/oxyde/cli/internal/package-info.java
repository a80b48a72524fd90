/** The CLI's commands and plumbing (options, config file, model scanning); use {@link io.oxyde.cli.OxydeCli}. */
package io.oxyde.cli.internal;
