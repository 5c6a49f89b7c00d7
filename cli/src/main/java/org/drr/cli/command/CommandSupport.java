package org.drr.cli.command;

import org.drr.cli.Drr;
import org.drr.cli.Session;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Gives a command group access to the invocation's {@link Session}. */
abstract class CommandSupport {
  @Spec CommandSpec spec;

  Session session() {
    return ((Drr) spec.root().userObject()).session(spec.commandLine());
  }
}
