// Preloaded into every Prism child (`node --import` this file): the child exits as soon as its
// parent, the mock, is gone — stopped or killed with SIGKILL — because the IPC channel the parent
// opened disconnects. No Prism is left holding a port after its mock died. Plain JavaScript: the
// child runs Prism with plain Node, in the repository as when installed.
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.exit(0));
}
