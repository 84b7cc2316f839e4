/** A name as initials (at most three: first, second and last), what a wall screen in a public place shows. */
export function initials(name: string): string {
  const letters = name.split(/[\s-]+/).filter(Boolean).map((part) => part.charAt(0).toUpperCase() + ".");
  return letters.length > 3 ? [...letters.slice(0, 2), letters.at(-1)!].join(" ") : letters.join(" ");
}
