export default defineBackground(() => {
  // Placeholder: the engine wiring comes with the extension issue.
});
