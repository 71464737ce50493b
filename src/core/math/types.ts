/** Column-major 4x4 matrix (three.js Matrix4.elements order). */
export type Mat4 = ArrayLike<number> & { length: 16 };
export type Vec3 = [number, number, number];
/** Quaternion [x, y, z, w]. */
export type Quat = [number, number, number, number];
