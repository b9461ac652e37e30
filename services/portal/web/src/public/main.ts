import { createApp } from 'vue';
// only the components this page uses, each from its own module (not the element-plus barrel the
// console installs whole): the page must stay small for citizens on a phone — budget 300 KB gzipped
import { ElAlert } from 'element-plus/es/components/alert/index.mjs';
import { ElButton } from 'element-plus/es/components/button/index.mjs';
import { ElCard } from 'element-plus/es/components/card/index.mjs';
import { ElConfigProvider } from 'element-plus/es/components/config-provider/index.mjs';
import { ElEmpty } from 'element-plus/es/components/empty/index.mjs';
import { ElInput } from 'element-plus/es/components/input/index.mjs';
import { ElPagination } from 'element-plus/es/components/pagination/index.mjs';
// ElRadioButton and ElRadioGroup install nothing themselves: ElRadio's install registers them
import { ElRadio, ElRadioButton, ElRadioGroup } from 'element-plus/es/components/radio/index.mjs';
import { ElTable, ElTableColumn } from 'element-plus/es/components/table/index.mjs';
import { ElTabPane, ElTabs } from 'element-plus/es/components/tabs/index.mjs';
import { ElTag } from 'element-plus/es/components/tag/index.mjs';
import 'element-plus/dist/index.css';
import '../shared/page.css';
import App from './App.vue';

const app = createApp(App);
for (const c of [
  ElAlert,
  ElButton,
  ElCard,
  ElConfigProvider,
  ElEmpty,
  ElInput,
  ElPagination,
  ElRadio,
  ElRadioButton,
  ElRadioGroup,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
])
  app.use(c);
app.mount('#app');
