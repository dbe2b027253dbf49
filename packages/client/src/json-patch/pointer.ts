/**
 * JSON Pointers (RFC 6901) into a TypeScript type, computed at compile time. Keys are used as is:
 * a type whose keys contain `/` or `~` needs those escaped by hand.
 */

/** Countdown used to bound recursion on deep or recursive types. */
type Countdown = [never, 0, 1, 2, 3, 4, 5, 6, 7];

/** Every pointer into `T` (not the root `''`): `/name`, `/tags`, `/tags/${number}`, … */
export type PointerPaths<T, Depth extends number = 7> = [Depth] extends [never]
  ? never
  : T extends readonly (infer Element)[]
    ? `/${number}` | `/${number}${PointerPaths<NonNullable<Element>, Countdown[Depth]>}`
    : T extends object
      ? { [K in keyof T & string]-?: `/${K}` | `/${K}${PointerPaths<NonNullable<T[K]>, Countdown[Depth]>}` }[keyof T &
          string]
      : never;

/** The member `Key` of `T`: an array element (`0`, `-`), a property, or an index-signature entry. */
type Child<T, Key extends string> = T extends readonly (infer Element)[]
  ? Key extends `${number}` | '-'
    ? Element
    : never
  : Key extends keyof T
    ? T[Key]
    : string extends keyof T
      ? T[string & keyof T]
      : never;

/** The type found at `Pointer` in `T` (undefined included when a property on the way is optional). */
export type ValueAt<T, Pointer extends string> = Pointer extends `/${infer Head}/${infer Rest}`
  ? ValueAt<NonNullable<Child<NonNullable<T>, Head>>, `/${Rest}`>
  : Pointer extends `/${infer Head}`
    ? Child<NonNullable<T>, Head>
    : never;

/** The JSON value a patch may put at `Pointer`: its type without `undefined` (JSON has none). */
export type PatchValue<T, Pointer extends string> = Exclude<ValueAt<T, Pointer>, undefined>;

/** Pointers among `Paths` whose value is an array, with `/-` (append) added. */
export type AppendPaths<T, Paths extends string> = Paths extends unknown
  ? NonNullable<ValueAt<T, Paths>> extends readonly unknown[]
    ? `${Paths}/-`
    : never
  : never;

/** Splits `/a/b/c` into `['/a/b', 'c']`. */
type SplitLast<Pointer extends string, Parent extends string = ''> = Pointer extends `/${infer Head}/${infer Rest}`
  ? SplitLast<`/${Rest}`, `${Parent}/${Head}`>
  : Pointer extends `/${infer Last}`
    ? [Parent, Last]
    : never;

/** Whether removing `Pointer` leaves a valid `T`: an array element, an index-signature entry or an optional property. */
type IsRemovable<T, Pointer extends string> =
  SplitLast<Pointer> extends [infer Parent extends string, infer Last extends string]
    ? (Parent extends '' ? T : NonNullable<ValueAt<T, Parent>>) extends infer Container
      ? Container extends readonly unknown[]
        ? true
        : string extends keyof Container
          ? true
          : Last extends keyof Container
            ? // Optional exactly when requiring it changes the property.
              Pick<Container, Last> extends Required<Pick<Container, Last>>
              ? false
              : true
            : false
      : false
    : false;

/** Pointers among `Paths` that a `remove` may target. */
export type RemovablePaths<T, Paths extends string> = Paths extends unknown
  ? IsRemovable<T, Paths> extends true
    ? Paths
    : never
  : never;
