let counter = 0;

/** An owner no other test uses, so that each test starts from an empty partition. */
export function freshOwner(): string {
  counter += 1;
  return `owner-${Date.now().toString(36)}-${process.pid}-${counter}`;
}
