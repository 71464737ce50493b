export type { Mat4, Quat, Vec3 } from './types';
export { cross, dot, length, normalize, sub } from './vec3';
export { triangleArea, triangleCross, triangleNormal } from './triangle';
export { solveSpd } from './solveSpd';
export { asMat4, axisAngle, fromPositionQuaternion, multiply, origin, translation, type M4 } from './mat4';
