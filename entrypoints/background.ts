// Placeholder: the background wiring (badge, messages) comes with the extension issue.
export default defineBackground(() => {});
