export * from './concern.repository';
export * from './concern-records.repository';
export * from './isf-config.repository';
export * from './notification.repository';
