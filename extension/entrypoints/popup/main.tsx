import '../../pages/style.css';
import { mountPopup } from '../../pages/popup/mount.tsx';

mountPopup(document.getElementById('app')!);
