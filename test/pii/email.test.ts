// Span-and-score table of the e-mail recognizer (0.85, no context needed). The span must stop at
// the top-level domain and start after a cue word, also with Chinese characters on either side.
import { email } from '../../src/pii/email.js';
import { reported, spanTable } from './table.js';

spanTable('email', email, 'email', [
  ['发票已发送到lihua2020@qq.com', reported('lihua2020@qq.com', 0.85)],
  ['邮箱：zhang.san@example.com.cn。', reported('zhang.san@example.com.cn', 0.85)],
  ['lihua2020@qq.com已登记', reported('lihua2020@qq.com', 0.85)],
  ['您的邮箱汉字@qq.com已登记', reported('汉字@qq.com', 0.85)],
  ['请查收luxiaolei_小磊@小磊.com，谢谢', reported('luxiaolei_小磊@小磊.com', 0.85)],
  ['ＡＢＣ＠ＱＱ．ＣＯＭ是您的邮箱吗', reported('ＡＢＣ＠ＱＱ．ＣＯＭ', 0.85)],
  ['发到abc_%cde@aaa.c了', reported('abc_%cde@aaa.c', 0.85)],
  ['联系admin@例子.中国', reported('admin@例子.中国', 0.85)],
  ['邮箱 zhang.san @ example.com', reported('zhang.san @ example.com', 0.85)],
  ['邮箱abc(at)qq(dot)com', reported('abc(at)qq(dot)com', 0.85)],
  ['邮箱abc[at]qq.com已登记', reported('abc[at]qq.com', 0.85)],
  ['邮箱abc艾特qq.com', reported('abc艾特qq.com', 0.85)],
  ['邮箱abc@qq。com', reported('abc@qq。com', 0.85)],
  ['Mail john.doe at gmail dot com please', reported('john.doe at gmail dot com', 0.85)],
  ['reach us at shop.example.com', null], // a sentence, not an address
  ['发票已发送到a***@qq.com', null],
  ['发票已发送到l******0@qq.com', null],
  ['请发到@qq.com', null],
  ['abc@qq', null], // no top-level domain
  ['发票已发送到您登记的邮箱', null],
]);
