export * from './accounts';
export * from './cart';
export * from './catalog';
export * from './errors';
export * from './money';
export * from './orders';
export * from './text';
export * from './trending';
