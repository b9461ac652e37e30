import { createRouter, createWebHashHistory } from 'vue-router';
import Overview from './views/Overview.vue';

// hash history: the portal serves one index.html and needs no fallback route per screen
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/overview' },
    { path: '/overview', component: Overview },
    { path: '/overdue', component: () => import('./views/Overdue.vue') },
    { path: '/projects/:code?', component: () => import('./views/Timeline.vue') },
    { path: '/letters/:id?', component: () => import('./views/Letters.vue') },
    { path: '/reports', component: () => import('./views/Reports.vue') },
  ],
});
